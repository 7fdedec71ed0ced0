using Microsoft.Extensions.Logging;

namespace ChargerController.Testing.Logging;

/// <summary>One captured log entry.</summary>
/// <param name="Level">Level.</param>
/// <param name="EventId">Event id.</param>
/// <param name="Message">Formatted message.</param>
/// <param name="Exception">Exception, if any.</param>
public sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception);
