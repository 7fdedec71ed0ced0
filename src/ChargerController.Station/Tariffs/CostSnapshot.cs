namespace ChargerController.Station.Tariffs;

/// <summary>The persisted state of a transaction's cost calculation (survives a restart with the transaction, E17).</summary>
public sealed record CostSnapshot
{
    /// <summary>Gets when cost started to count.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the last sample's time.</summary>
    public DateTimeOffset LastAt { get; init; }

    /// <summary>Gets the last register, Wh.</summary>
    public double? LastRegisterWh { get; init; }

    /// <summary>Gets whether it was charging at the last sample.</summary>
    public bool LastCharging { get; init; }

    /// <summary>Gets the energy, Wh.</summary>
    public decimal EnergyWh { get; init; }

    /// <summary>Gets the charging time, s.</summary>
    public decimal ChargingSeconds { get; init; }

    /// <summary>Gets the idle time, s.</summary>
    public decimal IdleSeconds { get; init; }

    /// <summary>Gets the sums: fixed, energy, charging time, idle time, reservation time, reservation fixed, each as (excl, incl, taxed).</summary>
    public IReadOnlyList<CostSumSnapshot> Sums { get; init; } = [];

    /// <summary>Gets the periods.</summary>
    public IReadOnlyList<CostPeriodSnapshot> Periods { get; init; } = [];

    /// <summary>Gets the failure reason, if any.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets the reservation time billed, s.</summary>
    public decimal ReservationSeconds { get; init; }

    /// <summary>Gets a value indicating whether the reservation was billed.</summary>
    public bool ReservationApplied { get; init; }
}
