using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// The local cost calculation of one transaction (I12): fed with meter samples, it prices energy, charging time and
/// idle time with the first applicable price of each list, cuts the time between samples where a time-of-day window or
/// a time threshold of a condition changes (those are followed exactly, I12.FR.31 note), applies the fixed fee once at
/// the start (I12.FR.30), and builds the <see cref="CostDetailsType"/>. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed partial class CostAccumulator
{
    private readonly List<CostPeriod> _periods = [];
    private readonly TimeZoneInfo _zone;
    private readonly EvseKindEnumType _kind;

    /// <summary>Initializes a new instance of the <see cref="CostAccumulator"/> class at the moment the tariff is associated.</summary>
    /// <param name="tariff">The (validated) tariff.</param>
    /// <param name="start">When cost starts to count.</param>
    /// <param name="registerWh">The meter's import register then, when read.</param>
    /// <param name="zone">The local time zone of the station (conditions are in local time).</param>
    /// <param name="kind">AC or DC.</param>
    /// <param name="paymentBrand">Payment brand for fixed-fee conditions, when known.</param>
    /// <param name="paymentRecognition">Payment recognition for fixed-fee conditions, when known.</param>
    public CostAccumulator(TariffType tariff, DateTimeOffset start, double? registerWh, TimeZoneInfo zone, EvseKindEnumType kind = EvseKindEnumType.AC, string? paymentBrand = null, string? paymentRecognition = null)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(zone);
        Tariff = tariff;
        _zone = zone;
        _kind = kind;
        StartedAt = start;
        LastAt = start;
        LastRegisterWh = registerWh;
        if (registerWh is null)
        {
            Fail("the energy meter could not be read");
        }

        // I12.FR.30 / I12.FR.05: the fixed fee is evaluated once, at the start.
        var local = Local(start);
        var prices = tariff.FixedFee?.Prices ?? [];
        if (prices.FirstOrDefault(p => TariffConditions.Holds(p.Conditions, local, kind, paymentBrand, paymentRecognition)) is { } fixedPrice)
        {
            Fixed.Add(fixedPrice.PriceFixed, tariff.FixedFee!.TaxRates);
        }
    }

    /// <summary>Gets the tariff in force.</summary>
    public TariffType Tariff { get; private set; }

    /// <summary>Gets when cost started to count.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Gets the time of the last sample.</summary>
    public DateTimeOffset LastAt { get; private set; }

    /// <summary>Gets the import register at the last sample, Wh.</summary>
    public double? LastRegisterWh { get; private set; }

    /// <summary>Gets a value indicating whether the EVSE was charging at the last sample (the state of the stretch after it).</summary>
    public bool LastCharging { get; private set; }

    /// <summary>Gets the power at the last sample, W.</summary>
    public decimal? LastPowerW { get; private set; }

    /// <summary>Gets the current at the last sample, A.</summary>
    public decimal? LastCurrentA { get; private set; }

    /// <summary>Gets the energy charged, Wh.</summary>
    public decimal EnergyWh { get; private set; }

    /// <summary>Gets the charging time, seconds.</summary>
    public decimal ChargingSeconds { get; private set; }

    /// <summary>Gets the idle time, seconds.</summary>
    public decimal IdleSeconds { get; private set; }

    /// <summary>Gets the fixed fee.</summary>
    public CostSum Fixed { get; } = new();

    /// <summary>Gets the energy cost.</summary>
    public CostSum Energy { get; } = new();

    /// <summary>Gets the charging time cost.</summary>
    public CostSum ChargingTime { get; } = new();

    /// <summary>Gets the idle time cost.</summary>
    public CostSum IdleTime { get; } = new();

    /// <summary>Gets why the cost could not be calculated completely (I12.FR.14), or null.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Gets the charging periods so far.</summary>
    public IReadOnlyList<CostPeriod> Periods => _periods;

    /// <summary>Gets the running total (after min/max cost), including tax where taxes apply.</summary>
    public decimal Total => Build(false).TotalCost.Total is { } t ? t.InclTax ?? t.ExclTax ?? 0 : 0;

    /// <summary>Takes a sample: prices the stretch since the last one, then remembers this one.</summary>
    /// <param name="at">When.</param>
    /// <param name="registerWh">Import register, Wh, or null when the meter could not be read.</param>
    /// <param name="charging">Whether energy flows from now on (the EVSE's charging state).</param>
    /// <param name="powerW">Power now, W.</param>
    /// <param name="currentA">Highest phase current now, A.</param>
    public void Advance(DateTimeOffset at, double? registerWh, bool charging, decimal? powerW = null, decimal? currentA = null)
    {
        if (at > LastAt)
        {
            var energy = registerWh is { } now && LastRegisterWh is { } before && now >= before ? (decimal)(now - before) : 0m;
            if (registerWh is null)
            {
                Fail("the energy meter could not be read");
            }

            Price(LastAt, at, energy);
            LastAt = at;
        }

        if (registerWh is not null)
        {
            LastRegisterWh = registerWh;
        }

        LastCharging = charging;
        LastPowerW = powerW;
        LastCurrentA = currentA;
    }

    /// <summary>Applies another tariff from now on (I11.FR.08: nothing is recalculated backwards).</summary>
    /// <param name="tariff">The new tariff.</param>
    public void ChangeTariff(TariffType tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        Tariff = tariff;
    }

    private void Fail(string reason) => FailureReason ??= reason;

    private DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).DateTime;

    private void Price(DateTimeOffset from, DateTimeOffset to, decimal energyWh)
    {
        var total = (decimal)(to - from).TotalSeconds;
        var cursor = from;
        while (cursor < to)
        {
            var next = NextCut(cursor, to);
            var seconds = (decimal)(next - cursor).TotalSeconds;
            var share = total > 0 ? energyWh * seconds / total : 0;
            PriceStretch(cursor, seconds, share);
            cursor = next;
        }
    }

    private void PriceStretch(DateTimeOffset at, decimal seconds, decimal energyWh)
    {
        var moment = new TariffMoment(Local(at), EnergyWh, LastPowerW, LastCurrentA, at - StartedAt, TimeSpan.FromSeconds((double)ChargingSeconds), TimeSpan.FromSeconds((double)IdleSeconds), _kind);
        var energyIndex = First(Tariff.Energy?.Prices, p => TariffConditions.Holds(p.Conditions, moment));
        var timeType = LastCharging ? Tariff.ChargingTime : Tariff.IdleTime;
        var timeIndex = First(timeType?.Prices, p => TariffConditions.Holds(p.Conditions, moment));
        if (energyIndex >= 0)
        {
            Energy.Add(energyWh / 1000m * Tariff.Energy!.Prices[energyIndex].PriceKwh, Tariff.Energy.TaxRates);
        }

        if (timeIndex >= 0)
        {
            (LastCharging ? ChargingTime : IdleTime).Add(seconds / 60m * timeType!.Prices[timeIndex].PriceMinute, timeType.TaxRates);
        }

        EnergyWh += energyWh;
        if (LastCharging)
        {
            ChargingSeconds += seconds;
        }
        else
        {
            IdleSeconds += seconds;
        }

        if (_periods.Count == 0 || !_periods[^1].Continues(Tariff.TariffId, energyIndex, LastCharging, timeIndex))
        {
            _periods.Add(new CostPeriod(Tariff.TariffId, at, energyIndex, LastCharging, timeIndex));
        }

        var period = _periods[^1];
        period.EnergyWh += energyWh;
        if (LastCharging)
        {
            period.ChargingSeconds += seconds;
        }
        else
        {
            period.IdleSeconds += seconds;
        }
    }

    private static int First<T>(T[]? prices, Func<T, bool> holds)
    {
        for (var i = 0; i < (prices?.Length ?? 0); i++)
        {
            if (holds(prices![i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The next moment in (cursor, to] at which a condition may change: a local time-of-day boundary or a time threshold.</summary>
    private DateTimeOffset NextCut(DateTimeOffset cursor, DateTimeOffset to)
    {
        var next = to;
        var local = Local(cursor);
        foreach (var boundary in TariffConditions.Boundaries(Tariff))
        {
            var candidateLocal = local.Date + boundary.ToTimeSpan();
            if (candidateLocal <= local)
            {
                candidateLocal = candidateLocal.AddDays(1);
            }

            // Local wall time → the instant, through the offset at the cursor (a DST change inside one stretch is ignored).
            var candidate = cursor + (candidateLocal - local);
            if (candidate < next)
            {
                next = candidate;
            }
        }

        var elapsed = (decimal)(cursor - StartedAt).TotalSeconds;
        foreach (var (threshold, kind) in Thresholds())
        {
            var current = kind switch { 0 => elapsed, 1 => LastCharging ? ChargingSeconds : -1, _ => LastCharging ? -1 : IdleSeconds };
            if (current >= 0 && threshold > current)
            {
                var candidate = cursor + TimeSpan.FromSeconds((double)(threshold - current));
                if (candidate < next)
                {
                    next = candidate;
                }
            }
        }

        return next;
    }

    private IEnumerable<(decimal Threshold, int Kind)> Thresholds()
    {
        IEnumerable<TariffConditionsType?> all = [
            .. (Tariff.Energy?.Prices ?? []).Select(p => p.Conditions),
            .. (Tariff.ChargingTime?.Prices ?? []).Select(p => p.Conditions),
            .. (Tariff.IdleTime?.Prices ?? []).Select(p => p.Conditions)];
        foreach (var c in all.OfType<TariffConditionsType>())
        {
            foreach (var t in new int?[] { c.MinTime, c.MaxTime })
            {
                if (t is { } v)
                {
                    yield return (v, 0);
                }
            }

            foreach (var t in new int?[] { c.MinChargingTime, c.MaxChargingTime })
            {
                if (t is { } v)
                {
                    yield return (v, 1);
                }
            }

            foreach (var t in new int?[] { c.MinIdleTime, c.MaxIdleTime })
            {
                if (t is { } v)
                {
                    yield return (v, 2);
                }
            }
        }
    }
}
