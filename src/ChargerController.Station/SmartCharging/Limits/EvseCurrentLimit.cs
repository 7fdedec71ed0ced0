using ChargerController.Station.Evse;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>
/// The smart-charging limit of one EVSE as the EVSE loop reads it every step (<see cref="ICurrentLimitSource"/>): the
/// composite schedule's current, shared out by local load balancing. The value is recomputed on every change and at
/// each schedule boundary; a read after the boundary recomputes at once, so a new period applies within one control
/// period even if the boundary timer is late.
/// </summary>
public sealed class EvseCurrentLimit : ICurrentLimitSource
{
    private readonly ChargingLimitController _owner;
    private double _limitA = double.PositiveInfinity;
    private long _validUntilTicks = long.MinValue;

    internal EvseCurrentLimit(ChargingLimitController owner, int evseId)
    {
        _owner = owner;
        EvseId = evseId;
    }

    /// <summary>Gets the EVSE.</summary>
    public int EvseId { get; }

    /// <summary>Gets the limit last computed, amperes per phase (+∞ = none).</summary>
    public double CurrentLimitA => Volatile.Read(ref _limitA);

    /// <summary>Gets until when <see cref="CurrentLimitA"/> holds (the next schedule boundary).</summary>
    public DateTimeOffset ValidUntil => new(Math.Max(DateTimeOffset.MinValue.UtcTicks, Interlocked.Read(ref _validUntilTicks)), TimeSpan.Zero);

    /// <inheritdoc/>
    public double? GetCurrentLimitA(DateTimeOffset now)
    {
        if (now.UtcTicks >= Interlocked.Read(ref _validUntilTicks))
        {
            _owner.Recompute();
        }

        var limit = Volatile.Read(ref _limitA);
        return double.IsPositiveInfinity(limit) ? null : limit;
    }

    internal void Set(double limitA, DateTimeOffset validUntil)
    {
        Volatile.Write(ref _limitA, limitA);
        Interlocked.Exchange(ref _validUntilTicks, validUntil.UtcTicks);
    }
}
