namespace ChargerController.Station.Tariffs;

/// <content>Reservation costs (I12.FR.06-08).</content>
public sealed partial class CostAccumulator
{
    /// <summary>Gets the reservation cost based on time (TariffType.reservationTime).</summary>
    public CostSum ReservationTime { get; } = new();

    /// <summary>Gets the fixed reservation cost (TariffType.reservationFixed).</summary>
    public CostSum ReservationFixed { get; } = new();

    /// <summary>Gets the reservation time billed, seconds (from ReserveNow received until the transaction started, I12.FR.07).</summary>
    public decimal ReservationSeconds { get; private set; }

    /// <summary>Gets a value indicating whether the transaction used a reservation and its costs were evaluated.</summary>
    public bool ReservationApplied { get; private set; }

    /// <summary>
    /// Bills the reservation the transaction used, once, at its start (I12.FR.06): the first reservationFixed price whose
    /// conditions hold at the start (I12.FR.08), and the reservation time from <paramref name="receivedAt"/> to the start
    /// priced with the first reservationTime price whose conditions hold at the start (I12.FR.07). A second call does nothing.
    /// </summary>
    /// <param name="receivedAt">When the ReserveNowRequest was received, or null when unknown (then the time-based part
    /// cannot be calculated and the breakdown says so, I12.FR.14).</param>
    public void ApplyReservation(DateTimeOffset? receivedAt)
    {
        if (ReservationApplied)
        {
            return;
        }

        ReservationApplied = true;
        var local = Local(StartedAt);
        if (Tariff.ReservationFixed is { } fixedType
            && (fixedType.Prices ?? []).FirstOrDefault(p => TariffConditions.Holds(p.Conditions, local, _kind)) is { } fixedPrice)
        {
            ReservationFixed.Add(fixedPrice.PriceFixed, fixedType.TaxRates);
        }

        if (Tariff.ReservationTime is not { } timeType)
        {
            return;
        }

        if (receivedAt is not { } received)
        {
            Fail("the time the reservation was made is not known (the station restarted after the ReserveNow)");
            return;
        }

        // Whole seconds: totalUsage.reservationTime is an integer, and the billed amount must follow from it.
        ReservationSeconds = Math.Max(0m, Math.Round((decimal)(StartedAt - received).TotalSeconds, MidpointRounding.AwayFromZero));
        var moment = new TariffMoment(local, 0m, null, null, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, _kind);
        var index = First(timeType.Prices, p => TariffConditions.Holds(p.Conditions, moment));
        if (index >= 0)
        {
            ReservationTime.Add(ReservationSeconds / 60m * timeType.Prices[index].PriceMinute, timeType.TaxRates);
        }
    }
}
