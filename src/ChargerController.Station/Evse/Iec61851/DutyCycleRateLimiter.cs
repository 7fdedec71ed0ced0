namespace ChargerController.Station.Evse.Iec61851;

/// <summary>
/// Spaces PWM duty changes. IEC 61851-1 gives the EV 5 s to follow a duty change, and EVerest updates the PWM at most
/// every 5 s for basic charging (<c>IEC_PWM_MAX_UPDATE_INTERVAL</c>). Increases wait for the interval; decreases are
/// applied at once, because offering more than the limits allow is never acceptable; starting PWM from X1 is immediate.
/// </summary>
public sealed class DutyCycleRateLimiter
{
    private readonly TimeSpan _interval;
    private double? _current;
    private TimeSpan _lastChange;

    /// <summary>Creates the limiter with no PWM running.</summary>
    /// <param name="interval">Minimum spacing of increases.</param>
    public DutyCycleRateLimiter(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _interval = interval;
    }

    /// <summary>The duty currently applied, percent, or <see langword="null"/> while no PWM runs.</summary>
    public double? Current => _current;

    /// <summary>Returns the duty to drive now for a wanted duty.</summary>
    /// <param name="wanted">Wanted duty, percent; <see langword="null"/> to stop PWM.</param>
    /// <param name="now">Monotonic time.</param>
    /// <returns>The duty to apply, percent, or <see langword="null"/> for no PWM.</returns>
    public double? Next(double? wanted, TimeSpan now)
    {
        if (wanted is null)
        {
            _current = null;
            return null;
        }

        if (_current is null || wanted.Value < _current.Value || now - _lastChange >= _interval)
        {
            if (_current != wanted)
            {
                _current = wanted;
                _lastChange = now;
            }
        }

        return _current;
    }
}
