using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChargerController.Testing.Logging;

/// <summary>Captures every log entry (formatted message, level, event id, exception) for assertions.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Gets the entries logged so far.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Gets all formatted messages and exception texts joined, for "never logged" checks.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.Message + " " + e.Exception));

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception));
    }

    /// <summary>Whether an entry with this event id was logged.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>True when logged.</returns>
    public bool Has(int eventId) => _entries.Any(e => e.EventId == eventId);
}
