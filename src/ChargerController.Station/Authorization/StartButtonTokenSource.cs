using System.Runtime.CompilerServices;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Turns the start button into presented tokens: samples the input every <see cref="StartButtonOptions.PollInterval"/>,
/// and yields one <see cref="StartButtonPress"/> per press once it has read pressed for
/// <see cref="StartButtonOptions.Debounce"/> (a held button is one press). The consumer hands the token to
/// <see cref="IIdTokenAuthorizer"/> exactly as a card read.
/// </summary>
public sealed class StartButtonTokenSource
{
    private readonly IStartButtonInput _input;
    private readonly StartButtonOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="StartButtonTokenSource"/> class.</summary>
    /// <param name="input">The button.</param>
    /// <param name="options">Token and timing.</param>
    /// <param name="time">Clock.</param>
    public StartButtonTokenSource(IStartButtonInput input, StartButtonOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        _input = input;
        _options = options;
        _time = time;
    }

    /// <summary>Yields presses until cancelled.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The presses.</returns>
    public async IAsyncEnumerable<StartButtonPress> ReadPressesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? pressedSince = null;
        var reported = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_input.Read())
            {
                pressedSince ??= _time.GetTimestamp();
                if (!reported && _time.GetElapsedTime(pressedSince.Value) >= _options.Debounce)
                {
                    reported = true;
                    yield return new StartButtonPress(_options.ToIdToken(), _options.EvseId, _time.GetUtcNow());
                }
            }
            else
            {
                pressedSince = null;
                reported = false;
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
