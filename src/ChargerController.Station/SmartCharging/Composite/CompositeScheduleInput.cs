using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.SmartCharging.LocalTime;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>What the composite schedule of one EVSE (or of the station, evseId 0) depends on besides the profiles.</summary>
public sealed record CompositeScheduleInput
{
    /// <summary>Gets the start of the computed window (K08.FR.02: the moment of the request).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the length of the window.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Gets the EVSE; 0 for the station's grid connection (K08.FR.03).</summary>
    public int EvseId { get; init; }

    /// <summary>Gets the transaction running on the EVSE (TxProfile matching, K01.FR.04); null when idle.</summary>
    public string? TransactionId { get; init; }

    /// <summary>
    /// Gets the moment Relative schedules count from (K01.FR.42: EV connected and authorized, i.e. the transaction start);
    /// null = <see cref="Start"/>, which is what K08.FR.06 asks for an idle EVSE.
    /// </summary>
    public DateTimeOffset? RelativeStart { get; init; }

    /// <summary>Gets a value indicating whether priority charging is active for the transaction (K21).</summary>
    public bool PriorityChargingActive { get; init; }

    /// <summary>Gets the nominal line-to-neutral voltage used to convert W and A (K01.FR.50: the set voltage, not the measured one).</summary>
    public double NominalVoltageV { get; init; } = 230.0;

    /// <summary>Gets the phases the EVSE (or station) is wired for; numberPhases absent means 3 (K01.FR.49) capped by this.</summary>
    public int SupplyPhases { get; init; } = 3;

    /// <summary>Gets the current that applies when no profile limits (EVSE rating or station maximum), amperes per phase.</summary>
    public double MaxCurrentA { get; init; } = 32.0;

    /// <summary>Gets when the station went offline; profiles with maxOfflineDuration lapse that long after it (K01.FR.101). Null = online.</summary>
    public DateTimeOffset? OfflineSince { get; init; }

    /// <summary>
    /// Gets the random delays of randomizedDelay schedules for the running transaction (K01.FR.92/93): seconds per period,
    /// or null for none. Null = no delays at all (an idle EVSE, K08.FR.06).
    /// </summary>
    public Func<ChargingProfileType, IReadOnlyList<int>?>? PeriodDelays { get; init; }

    /// <summary>Gets what local time is, for schedules with useLocalTime (K01.FR.90/91).</summary>
    public LocalTimeRules LocalTime { get; init; } = LocalTimeRules.Utc;
}
