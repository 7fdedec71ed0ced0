using System.Globalization;
using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Tariffs;

/// <summary>Checks a TariffType before it is installed or used: element count, conditions, and values the calculator relies on.</summary>
public static class TariffValidator
{
    /// <summary>Checks a tariff.</summary>
    /// <param name="tariff">The tariff (may come straight off the wire: any field may be missing).</param>
    /// <param name="maxElements">MaxElements[Tariff].</param>
    /// <param name="conditionsSupported">ConditionsSupported[Tariff].</param>
    /// <param name="reason">Why it failed, for statusInfo.additionalInfo and the log.</param>
    /// <returns>The outcome.</returns>
    public static TariffCheck Check(TariffType? tariff, int maxElements, bool conditionsSupported, out string? reason)
    {
        reason = null;
        if (tariff is null)
        {
            reason = "no tariff";
            return TariffCheck.Invalid;
        }

        // I07.FR.02: the count applies to each of energy, chargingTime, idleTime and fixedFee (appendix MaxElements).
        var counts = new[]
        {
            ("energy", tariff.Energy?.Prices?.Length ?? 0),
            ("chargingTime", tariff.ChargingTime?.Prices?.Length ?? 0),
            ("idleTime", tariff.IdleTime?.Prices?.Length ?? 0),
            ("fixedFee", tariff.FixedFee?.Prices?.Length ?? 0),
            ("reservationTime", tariff.ReservationTime?.Prices?.Length ?? 0),
            ("reservationFixed", tariff.ReservationFixed?.Prices?.Length ?? 0),
        };
        foreach (var (field, count) in counts)
        {
            if (count > maxElements)
            {
                reason = $"{field} has {count} prices, at most {maxElements}";
                return TariffCheck.TooManyElements;
            }
        }

        if (!conditionsSupported && HasConditions(tariff))
        {
            reason = "tariff conditions are not supported";
            return TariffCheck.ConditionNotSupported;
        }

        reason = Invalid(tariff);
        return reason is null ? TariffCheck.Ok : TariffCheck.Invalid;
    }

    /// <summary>Gets whether any price of the tariff has conditions.</summary>
    /// <param name="tariff">The tariff.</param>
    /// <returns>True when one has.</returns>
    public static bool HasConditions(TariffType tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return (tariff.Energy?.Prices ?? []).Any(p => p?.Conditions is not null)
            || (tariff.ChargingTime?.Prices ?? []).Any(p => p?.Conditions is not null)
            || (tariff.IdleTime?.Prices ?? []).Any(p => p?.Conditions is not null)
            || (tariff.ReservationTime?.Prices ?? []).Any(p => p?.Conditions is not null)
            || (tariff.FixedFee?.Prices ?? []).Any(p => p?.Conditions is not null)
            || (tariff.ReservationFixed?.Prices ?? []).Any(p => p?.Conditions is not null);
    }

    /// <summary>Gets whether a text is an ISO 4217 alphabetic code in form (three upper-case letters).</summary>
    /// <param name="currency">The text.</param>
    /// <returns>True when it is.</returns>
    public static bool IsCurrencyCode(string? currency) => currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper);

    private static string? Invalid(TariffType tariff)
    {
        if (string.IsNullOrWhiteSpace(tariff.TariffId))
        {
            return "tariffId is empty";
        }

        if (!IsCurrencyCode(tariff.Currency))
        {
            return $"currency '{tariff.Currency}' is not an ISO 4217 code";
        }

        if (tariff.Energy is null && tariff.ChargingTime is null && tariff.IdleTime is null && tariff.FixedFee is null
            && tariff.ReservationTime is null && tariff.ReservationFixed is null && tariff.MinCost is null && tariff.MaxCost is null)
        {
            return "the tariff has no prices";
        }

        return Prices("energy", tariff.Energy?.Prices, p => p.PriceKwh, p => p.Conditions, tariff.Energy?.TaxRates)
            ?? Prices("chargingTime", tariff.ChargingTime?.Prices, p => p.PriceMinute, p => p.Conditions, tariff.ChargingTime?.TaxRates)
            ?? Prices("idleTime", tariff.IdleTime?.Prices, p => p.PriceMinute, p => p.Conditions, tariff.IdleTime?.TaxRates)
            ?? Prices("reservationTime", tariff.ReservationTime?.Prices, p => p.PriceMinute, p => p.Conditions, tariff.ReservationTime?.TaxRates)
            ?? FixedPrices("fixedFee", tariff.FixedFee)
            ?? FixedPrices("reservationFixed", tariff.ReservationFixed)
            ?? Price("minCost", tariff.MinCost)
            ?? Price("maxCost", tariff.MaxCost)
            ?? (tariff.MinCost?.ExclTax is { } min && tariff.MaxCost?.ExclTax is { } max && min > max ? "minCost exceeds maxCost" : null);
    }

    private static string? Prices<T>(string field, T[]? prices, Func<T, decimal> price, Func<T, TariffConditionsType?> conditions, TaxRateType[]? taxes)
        where T : class
    {
        if (prices is null)
        {
            return null;
        }

        if (prices.Length == 0)
        {
            return $"{field} has no prices";
        }

        foreach (var p in prices)
        {
            if (p is null)
            {
                return $"{field} has an empty price";
            }

            if (price(p) < 0)
            {
                return $"{field} has a negative price";
            }

            if (Conditions(field, conditions(p)) is { } bad)
            {
                return bad;
            }
        }

        return Taxes(field, taxes);
    }

    private static string? FixedPrices(string field, TariffFixedType? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.Prices is not { Length: > 0 } prices)
        {
            return $"{field} has no prices";
        }

        foreach (var p in prices)
        {
            if (p is null || p.PriceFixed < 0)
            {
                return $"{field} has a negative or empty price";
            }

            if (p.Conditions is { } c && (Times(field, c.StartTimeOfDay, c.EndTimeOfDay) ?? Dates(field, c.ValidFromDate, c.ValidToDate)) is { } bad)
            {
                return bad;
            }
        }

        return Taxes(field, type.TaxRates);
    }

    private static string? Price(string field, PriceType? price) =>
        price is null ? null
        : price.ExclTax is null && price.InclTax is null ? $"{field} has neither exclTax nor inclTax"
        : price.ExclTax < 0 || price.InclTax < 0 ? $"{field} is negative"
        : Taxes(field, price.TaxRates);

    private static string? Taxes(string field, TaxRateType[]? taxes) =>
        (taxes ?? []).Any(t => t is null || t.Tax < 0 || string.IsNullOrWhiteSpace(t.Type) || t.Stack < 0) ? $"{field} has an invalid tax rate" : null;

    private static string? Conditions(string field, TariffConditionsType? c)
    {
        if (c is null)
        {
            return null;
        }

        return Times(field, c.StartTimeOfDay, c.EndTimeOfDay)
            ?? Dates(field, c.ValidFromDate, c.ValidToDate)
            ?? Range(field, "Energy", c.MinEnergy, c.MaxEnergy)
            ?? Range(field, "Current", c.MinCurrent, c.MaxCurrent)
            ?? Range(field, "Power", c.MinPower, c.MaxPower)
            ?? Range(field, "Time", c.MinTime, c.MaxTime)
            ?? Range(field, "ChargingTime", c.MinChargingTime, c.MaxChargingTime)
            ?? Range(field, "IdleTime", c.MinIdleTime, c.MaxIdleTime);
    }

    private static string? Times(string field, string? start, string? end) =>
        (start is not null && !TariffConditions.TryParseTimeOfDay(start, out _)) || (end is not null && !TariffConditions.TryParseTimeOfDay(end, out _))
            ? $"{field} has a time of day that is not hh:mm"
            : null;

    private static string? Dates(string field, string? from, string? to) =>
        (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        || (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            ? $"{field} has a date that is not yyyy-mm-dd"
            : null;

    private static string? Range(string field, string what, decimal? min, decimal? max) =>
        min < 0 || max < 0 ? $"{field} has a negative min/max{what}"
        : min is { } lo && max is { } hi && lo > hi ? $"{field} has min{what} above max{what}"
        : null;
}
