using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tariffs;

/// <content>The cost breakdown (I12.FR.04-17).</content>
public sealed partial class CostAccumulator
{
    /// <summary>Builds the cost breakdown of the transaction so far.</summary>
    /// <param name="includePeriods">
    /// Whether to list the charging periods: yes in the Ended event (I12.FR.01), no in running cost updates (errata 2.14).
    /// </param>
    /// <returns>The cost details.</returns>
    public CostDetailsType Build(bool includePeriods)
    {
        var fixedPart = Part(Fixed, Tariff.FixedFee?.TaxRates, Tariff.FixedFee is not null || Fixed.ExclTax != 0);
        var energyPart = Part(Energy, Tariff.Energy?.TaxRates, Tariff.Energy is not null || Energy.ExclTax != 0);
        var chargingPart = Part(ChargingTime, Tariff.ChargingTime?.TaxRates, Tariff.ChargingTime is not null || ChargingTime.ExclTax != 0);
        var idlePart = Part(IdleTime, Tariff.IdleTime?.TaxRates, Tariff.IdleTime is not null || IdleTime.ExclTax != 0);

        // I12.FR.07/08: reservation costs only for a transaction that used a reservation.
        var reservationTimePart = Part(ReservationTime, Tariff.ReservationTime?.TaxRates, (ReservationApplied && Tariff.ReservationTime is not null) || ReservationTime.ExclTax != 0);
        var reservationFixedPart = Part(ReservationFixed, Tariff.ReservationFixed?.TaxRates, (ReservationApplied && Tariff.ReservationFixed is not null) || ReservationFixed.ExclTax != 0);
        PriceType?[] parts = [fixedPart, energyPart, chargingPart, idlePart, reservationTimePart, reservationFixedPart];

        // I12.FR.17: the total is the sum of the reported parts (so the report adds up after rounding).
        var exclTotal = parts.Sum(p => p?.ExclTax ?? 0);
        var taxed = parts.Any(p => p?.InclTax is not null);
        var inclTotal = parts.Sum(p => p?.InclTax ?? p?.ExclTax ?? 0);
        var total = new TotalPriceType { ExclTax = exclTotal, InclTax = taxed ? inclTotal : null };
        var type = TariffCostEnumType.NormalCost;
        if (Tariff.MinCost is { } min && Below(total, min))
        {
            (total, type) = (Bound(min), TariffCostEnumType.MinCost);
        }
        else if (Tariff.MaxCost is { } max && Below(Bound(max), total))
        {
            (total, type) = (Bound(max), TariffCostEnumType.MaxCost);
        }

        return new CostDetailsType
        {
            ChargingPeriods = includePeriods && _periods.Count > 0 ? [.. _periods.Select(ToOcpp)] : null,
            TotalCost = new TotalCostType
            {
                Currency = Tariff.Currency,
                TypeOfCost = type,
                Fixed = fixedPart,
                Energy = energyPart,
                ChargingTime = chargingPart,
                IdleTime = idlePart,
                ReservationTime = reservationTimePart,
                ReservationFixed = reservationFixedPart,
                Total = total,
            },
            TotalUsage = new TotalUsageType
            {
                Energy = Math.Round(EnergyWh, 3, MidpointRounding.AwayFromZero),
                ChargingTime = (int)Math.Round(ChargingSeconds, MidpointRounding.AwayFromZero),
                IdleTime = (int)Math.Round(IdleSeconds, MidpointRounding.AwayFromZero),
                ReservationTime = ReservationApplied && (Tariff.ReservationTime is not null || ReservationSeconds != 0) ? (int)ReservationSeconds : null,
            },
            FailureToCalculate = FailureReason is null ? null : true,
            FailureReason = FailureReason,
        };
    }

    private static PriceType? Part(CostSum sum, TaxRateType[]? taxRates, bool present) =>
        present
            ? new PriceType
            {
                ExclTax = TaxMath.Report(sum.ExclTax),
                InclTax = sum.Taxed ? TaxMath.Report(sum.InclTax) : null,
                TaxRates = taxRates is { Length: > 0 } ? taxRates : null,
            }
            : null;

    /// <summary>A min/max cost as a total; a missing side follows from the other with the bound's tax rates.</summary>
    private static TotalPriceType Bound(PriceType bound)
    {
        var excl = bound.ExclTax;
        var incl = bound.InclTax ?? (excl is { } e && bound.TaxRates is { Length: > 0 } ? TaxMath.Report(TaxMath.InclTax(e, bound.TaxRates)) : null);
        return new TotalPriceType { ExclTax = excl, InclTax = incl };
    }

    private static bool Below(TotalPriceType total, PriceType bound) =>
        bound.ExclTax is { } excl ? (total.ExclTax ?? 0) < excl : (total.InclTax ?? total.ExclTax ?? 0) < (bound.InclTax ?? 0);

    private static bool Below(TotalPriceType bound, TotalPriceType total) =>
        bound.ExclTax is { } excl ? (total.ExclTax ?? 0) > excl : (total.InclTax ?? total.ExclTax ?? 0) > (bound.InclTax ?? decimal.MaxValue);

    private static ChargingPeriodType ToOcpp(CostPeriod period)
    {
        var dimensions = new List<CostDimensionType>();
        if (period.EnergyIndex >= 0 || period.EnergyWh != 0)
        {
            dimensions.Add(new CostDimensionType { Type = CostDimensionEnumType.Energy, Volume = Math.Round(period.EnergyWh, 3, MidpointRounding.AwayFromZero) });
        }

        if (period.ChargingSeconds != 0)
        {
            dimensions.Add(new CostDimensionType { Type = CostDimensionEnumType.ChargingTime, Volume = Math.Round(period.ChargingSeconds, 0, MidpointRounding.AwayFromZero) });
        }

        if (period.IdleSeconds != 0)
        {
            dimensions.Add(new CostDimensionType { Type = CostDimensionEnumType.IdleTIme, Volume = Math.Round(period.IdleSeconds, 0, MidpointRounding.AwayFromZero) });
        }

        return new ChargingPeriodType { TariffId = period.TariffId, StartPeriod = period.Start, Dimensions = dimensions.Count > 0 ? [.. dimensions] : null };
    }
}
