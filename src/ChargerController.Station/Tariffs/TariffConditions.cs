using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// Evaluates TariffConditionsType / TariffConditionsFixedType (Part 2 I §1.2): minimums are inclusive, maximums exclusive,
/// times and dates are local (I07.FR.17), a time window whose end is before its start runs over midnight, and the first
/// applicable price of a list wins. A pure function.
/// </summary>
public static class TariffConditions
{
    /// <summary>Parses "hh:mm".</summary>
    /// <param name="text">The text.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParseTimeOfDay(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Gets whether the conditions of an energy or time price hold at a moment.</summary>
    /// <param name="c">The conditions; null always holds.</param>
    /// <param name="m">The moment.</param>
    /// <returns>True when they hold.</returns>
    public static bool Holds(TariffConditionsType? c, TariffMoment m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (c is null)
        {
            return true;
        }

        return Calendar(c.StartTimeOfDay, c.EndTimeOfDay, c.DayOfWeek, c.ValidFromDate, c.ValidToDate, m.Local)
            && (c.EvseKind is null || c.EvseKind == m.EvseKind)
            && Within(m.EnergyWh, c.MinEnergy, c.MaxEnergy)
            && Within(m.CurrentA, c.MinCurrent, c.MaxCurrent)
            && Within(m.PowerW, c.MinPower, c.MaxPower)
            && Within((decimal)m.Elapsed.TotalSeconds, c.MinTime, c.MaxTime)
            && Within((decimal)m.ChargingTime.TotalSeconds, c.MinChargingTime, c.MaxChargingTime)
            && Within((decimal)m.IdleTime.TotalSeconds, c.MinIdleTime, c.MaxIdleTime);
    }

    /// <summary>Gets whether the conditions of a fixed price hold at the start of a transaction (I12.FR.30).</summary>
    /// <param name="c">The conditions; null always holds.</param>
    /// <param name="local">Local time of the start.</param>
    /// <param name="evseKind">AC or DC.</param>
    /// <param name="paymentBrand">The payment brand, when the payment block knows it.</param>
    /// <param name="paymentRecognition">How the payment was recognized, when known.</param>
    /// <returns>True when they hold.</returns>
    public static bool Holds(TariffConditionsFixedType? c, DateTime local, EvseKindEnumType evseKind, string? paymentBrand = null, string? paymentRecognition = null)
    {
        if (c is null)
        {
            return true;
        }

        return Calendar(c.StartTimeOfDay, c.EndTimeOfDay, c.DayOfWeek, c.ValidFromDate, c.ValidToDate, local)
            && (c.EvseKind is null || c.EvseKind == evseKind)
            && (c.PaymentBrand is null || string.Equals(c.PaymentBrand, paymentBrand, StringComparison.OrdinalIgnoreCase))
            && (c.PaymentRecognition is null || string.Equals(c.PaymentRecognition, paymentRecognition, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The local times of day at which a calendar condition of the tariff can change its outcome (start/end times of day
    /// and midnight): cost periods are cut there, because time conditions are followed exactly (I12.FR.31 note).
    /// </summary>
    /// <param name="tariff">The tariff.</param>
    /// <returns>The distinct times of day, midnight included.</returns>
    public static IReadOnlyList<TimeOnly> Boundaries(TariffType tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        var set = new SortedSet<TimeOnly> { TimeOnly.MinValue };
        IEnumerable<TariffConditionsType?> all = [
            .. (tariff.Energy?.Prices ?? []).Select(p => p?.Conditions),
            .. (tariff.ChargingTime?.Prices ?? []).Select(p => p?.Conditions),
            .. (tariff.IdleTime?.Prices ?? []).Select(p => p?.Conditions)];
        foreach (var c in all)
        {
            if (TryParseTimeOfDay(c?.StartTimeOfDay, out var start))
            {
                set.Add(start);
            }

            if (TryParseTimeOfDay(c?.EndTimeOfDay, out var end))
            {
                set.Add(end);
            }
        }

        return [.. set];
    }

    private static bool Calendar(string? startTime, string? endTime, DayOfWeekEnumType[]? days, string? fromDate, string? toDate, DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        var hasStart = TryParseTimeOfDay(startTime, out var start);
        var hasEnd = TryParseTimeOfDay(endTime, out var end);
        if (hasStart && hasEnd)
        {
            var inside = start <= end ? time >= start && time < end : time >= start || time < end;
            if (!inside)
            {
                return false;
            }
        }
        else if ((hasStart && time < start) || (hasEnd && time >= end))
        {
            return false;
        }

        if (days is { Length: > 0 } && !days.Contains(ToOcpp(local.DayOfWeek)))
        {
            return false;
        }

        var date = DateOnly.FromDateTime(local);
        if (fromDate is not null && DateOnly.TryParseExact(fromDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) && date < from)
        {
            return false;
        }

        return toDate is null || !DateOnly.TryParseExact(toDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || date < to;
    }

    private static bool Within(decimal? value, decimal? min, decimal? max)
    {
        if (min is null && max is null)
        {
            return true;
        }

        // A condition on a quantity that is not measured does not hold: the price after it (the fallback) applies.
        return value is { } v && (min is null || v >= min) && (max is null || v < max);
    }

    private static DayOfWeekEnumType ToOcpp(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DayOfWeekEnumType.Monday,
        DayOfWeek.Tuesday => DayOfWeekEnumType.Tuesday,
        DayOfWeek.Wednesday => DayOfWeekEnumType.Wednesday,
        DayOfWeek.Thursday => DayOfWeekEnumType.Thursday,
        DayOfWeek.Friday => DayOfWeekEnumType.Friday,
        DayOfWeek.Saturday => DayOfWeekEnumType.Saturday,
        _ => DayOfWeekEnumType.Sunday,
    };
}
