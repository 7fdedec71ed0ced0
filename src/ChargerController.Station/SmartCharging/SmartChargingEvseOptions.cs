namespace ChargerController.Station.SmartCharging;

/// <summary>What smart charging needs to know about one EVSE.</summary>
public sealed record SmartChargingEvseOptions
{
    /// <summary>Gets the OCPP evseId (1-based).</summary>
    public int EvseId { get; init; } = 1;

    /// <summary>Gets the EVSE rating (min of hardware and installation limit), amperes per phase; the composite never exceeds it.</summary>
    public double MaxCurrentA { get; init; } = 32.0;

    /// <summary>Gets the phases the EVSE is wired for (1 or 3).</summary>
    public int SupplyPhases { get; init; } = 3;

    /// <summary>Gets a value indicating whether the EVSE has the second contactor for 3→1-phase switching (K01.FR.43: numberPhases 1 is only accepted then).</summary>
    public bool SupportsPhaseSwitching { get; init; }
}
