using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tariffs;

/// <content>Persistence of the calculation state.</content>
public sealed partial class CostAccumulator
{
    /// <summary>Captures the state for the store.</summary>
    /// <returns>The snapshot.</returns>
    public CostSnapshot ToSnapshot() => new()
    {
        StartedAt = StartedAt,
        LastAt = LastAt,
        LastRegisterWh = LastRegisterWh,
        LastCharging = LastCharging,
        EnergyWh = EnergyWh,
        ChargingSeconds = ChargingSeconds,
        IdleSeconds = IdleSeconds,
        Sums = [.. new[] { Fixed, Energy, ChargingTime, IdleTime, ReservationTime, ReservationFixed }.Select(s => new CostSumSnapshot(s.ExclTax, s.InclTax, s.Taxed))],
        Periods = [.. _periods.Select(p => new CostPeriodSnapshot(p.TariffId, p.Start, p.EnergyIndex, p.Charging, p.TimeIndex, p.EnergyWh, p.ChargingSeconds, p.IdleSeconds))],
        FailureReason = FailureReason,
        ReservationSeconds = ReservationSeconds,
        ReservationApplied = ReservationApplied,
    };

    /// <summary>Restores a calculation after a restart; the fixed fee is not applied again.</summary>
    /// <param name="tariff">The tariff in force.</param>
    /// <param name="snapshot">The stored state.</param>
    /// <param name="zone">Local time zone.</param>
    /// <param name="kind">AC or DC.</param>
    /// <returns>The calculation.</returns>
    public static CostAccumulator Restore(TariffType tariff, CostSnapshot snapshot, TimeZoneInfo zone, EvseKindEnumType kind = EvseKindEnumType.AC)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(snapshot);

        // Built without a fixed fee (no fixedFee in the copy), then every sum is set from the snapshot.
        var acc = new CostAccumulator(tariff with { FixedFee = null }, snapshot.StartedAt, snapshot.LastRegisterWh ?? 0, zone, kind);
        acc.Tariff = tariff;
        acc.LastAt = snapshot.LastAt;
        acc.LastRegisterWh = snapshot.LastRegisterWh;
        acc.LastCharging = snapshot.LastCharging;
        acc.EnergyWh = snapshot.EnergyWh;
        acc.ChargingSeconds = snapshot.ChargingSeconds;
        acc.IdleSeconds = snapshot.IdleSeconds;
        acc.FailureReason = snapshot.FailureReason;
        acc.ReservationSeconds = snapshot.ReservationSeconds;
        acc.ReservationApplied = snapshot.ReservationApplied;

        // A snapshot of an older version has four sums; the reservation sums then stay zero.
        var sums = new[] { acc.Fixed, acc.Energy, acc.ChargingTime, acc.IdleTime, acc.ReservationTime, acc.ReservationFixed };
        for (var i = 0; i < Math.Min(sums.Length, snapshot.Sums.Count); i++)
        {
            (sums[i].ExclTax, sums[i].InclTax, sums[i].Taxed) = (snapshot.Sums[i].ExclTax, snapshot.Sums[i].InclTax, snapshot.Sums[i].Taxed);
        }

        foreach (var p in snapshot.Periods)
        {
            acc._periods.Add(new CostPeriod(p.TariffId, p.Start, p.EnergyIndex, p.Charging, p.TimeIndex) { EnergyWh = p.EnergyWh, ChargingSeconds = p.ChargingSeconds, IdleSeconds = p.IdleSeconds });
        }

        return acc;
    }
}
