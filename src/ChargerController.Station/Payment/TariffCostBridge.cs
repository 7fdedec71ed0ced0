namespace ChargerController.Station.Payment;

/// <summary>
/// The payment block's cost view when the station has the tariff block (I): every cost the tariff block knows (its own
/// local calculation, I12; a CostUpdated or a totalCost of the CSMS, I02) is passed on, so incremental authorization (C23)
/// and settlement (C21) see the same running cost as the driver's display. The costs the payment block reads itself from
/// delivered TransactionEvents land in the same place (<see cref="Reported"/>): the latest known cost wins.
/// </summary>
public sealed class TariffCostBridge : ITransactionCostSource, IDisposable
{
    private readonly Tariffs.ITransactionCostSource tariffs;

    /// <summary>Initializes a new instance of the <see cref="TariffCostBridge"/> class.</summary>
    /// <param name="tariffs">The tariff block's cost view.</param>
    public TariffCostBridge(Tariffs.ITransactionCostSource tariffs)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        this.tariffs = tariffs;
        Reported.CostChanged += OnReported;
        tariffs.CostChanged += OnTariffCost;
    }

    /// <inheritdoc />
    public event EventHandler<string>? CostChanged;

    /// <summary>Gets the costs known to the payment block (bounded, forgotten after settlement).</summary>
    public CsmsTotalCostSource Reported { get; } = new();

    /// <inheritdoc />
    public decimal? TotalCost(string transactionId) => Reported.TotalCost(transactionId);

    /// <inheritdoc />
    public void Dispose()
    {
        tariffs.CostChanged -= OnTariffCost;
        Reported.CostChanged -= OnReported;
    }

    private void OnTariffCost(object? sender, string transactionId)
    {
        if (tariffs.CostOf(transactionId) is { } cost)
        {
            Reported.Report(transactionId, cost.Total);
        }
    }

    private void OnReported(object? sender, string transactionId) => CostChanged?.Invoke(this, transactionId);
}
