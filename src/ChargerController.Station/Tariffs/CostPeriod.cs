namespace ChargerController.Station.Tariffs;

/// <summary>One charging period of a cost breakdown: a stretch during which the same energy and time prices applied (Part 2 I §1.3).</summary>
/// <param name="TariffId">The tariff used (I12.FR.04).</param>
/// <param name="Start">When the period started.</param>
/// <param name="EnergyIndex">Index of the energy price applied, -1 for none.</param>
/// <param name="Charging">Whether the time price is a chargingTime (else an idleTime) price.</param>
/// <param name="TimeIndex">Index of the time price applied, -1 for none.</param>
public sealed record CostPeriod(string TariffId, DateTimeOffset Start, int EnergyIndex, bool Charging, int TimeIndex)
{
    /// <summary>Gets or sets the energy charged in the period, Wh.</summary>
    public decimal EnergyWh { get; set; }

    /// <summary>Gets or sets the charging time in the period, seconds.</summary>
    public decimal ChargingSeconds { get; set; }

    /// <summary>Gets or sets the idle time in the period, seconds.</summary>
    public decimal IdleSeconds { get; set; }

    /// <summary>Gets whether a new stretch continues this period.</summary>
    /// <param name="tariffId">Tariff of the stretch.</param>
    /// <param name="energyIndex">Energy price of the stretch.</param>
    /// <param name="charging">Whether it is charging.</param>
    /// <param name="timeIndex">Time price of the stretch.</param>
    /// <returns>True when the same prices apply.</returns>
    public bool Continues(string tariffId, int energyIndex, bool charging, int timeIndex) =>
        string.Equals(TariffId, tariffId, StringComparison.Ordinal) && EnergyIndex == energyIndex && Charging == charging && TimeIndex == timeIndex;
}
