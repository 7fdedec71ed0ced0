namespace ChargerController.Station.Tariffs;

/// <summary>What the tariff block tracks per transaction; guarded by the module's gate.</summary>
internal sealed class TxCost(string transactionId, int evseId)
{
    public string TransactionId { get; } = transactionId;

    public int EvseId { get; } = evseId;

    public CostAccumulator? Accumulator { get; set; }

    public Ocpp.Enums.TariffKindEnumType Kind { get; set; } = Ocpp.Enums.TariffKindEnumType.DefaultTariff;

    public string? IdToken { get; set; }

    /// <summary>Gets or sets a value indicating whether the tariffId still has to go in the next event (I07.FR.32, I08.FR.22, I11.FR.07).</summary>
    public bool TariffIdPending { get; set; }

    /// <summary>Gets or sets a value indicating whether the CSMS calculates the cost (HandleFailedTariff=CentralCost, I08.FR.33).</summary>
    public bool CentralCost { get; set; }

    public decimal? CsmsCost { get; set; }

    public DateTimeOffset LastRunningCost { get; set; }

    public bool ProblemReported { get; set; }

    /// <summary>Gets or sets the reservation the transaction used (TransactionEvent.reservationId, I12.FR.06), or null.</summary>
    public int? ReservationId { get; set; }

    /// <summary>Gets or sets when that reservation's ReserveNow was received, when known (I12.FR.07).</summary>
    public DateTimeOffset? ReservedAt { get; set; }
}
