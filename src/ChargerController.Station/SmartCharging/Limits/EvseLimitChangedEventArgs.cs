namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>The smart-charging limit of an EVSE changed.</summary>
public sealed class EvseLimitChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="EvseLimitChangedEventArgs"/> class.</summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="previousA">Previous limit, amperes per phase (+∞ = none).</param>
    /// <param name="limitA">New limit, amperes per phase (+∞ = none).</param>
    public EvseLimitChangedEventArgs(int evseId, double previousA, double limitA)
    {
        EvseId = evseId;
        PreviousA = previousA;
        LimitA = limitA;
    }

    /// <summary>Gets the EVSE.</summary>
    public int EvseId { get; }

    /// <summary>Gets the previous limit.</summary>
    public double PreviousA { get; }

    /// <summary>Gets the new limit.</summary>
    public double LimitA { get; }
}
