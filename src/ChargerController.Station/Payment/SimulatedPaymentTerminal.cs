using System.Globalization;
using System.Threading.Channels;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Payment;

/// <summary>
/// A payment terminal for <c>--simulate</c> and tests: cards are "presented" by command (<c>chargerctl sim pay</c>) with
/// the outcome to simulate; settlement and increase outcomes are set beforehand. PSP references are
/// <c>SIM-PSP-0001</c>, <c>SIM-PSP-0002</c> ...
/// </summary>
public sealed class SimulatedPaymentTerminal : IPaymentTerminal
{
    private readonly Channel<PaymentTerminalEvent> events = Channel.CreateUnbounded<PaymentTerminalEvent>();
    private readonly Lock gate = new();
    private readonly List<string> operations = [];
    private readonly Dictionary<int, string> lastApproved = [];
    private int next;

    /// <inheritdoc />
    public PaymentTerminalInfo Info { get; } = new()
    {
        TerminalId = "SIM-T1",
        PaymentServiceProvider = "Simulated PSP",
        VendorName = "ChargerController",
        Model = "SimulatedPaymentTerminal",
        SerialNumber = "SIM-0001",
        FirmwareVersion = "1.0",
        Connected = true,
    };

    /// <summary>Gets or sets the outcome of the next settlements (Settled, Rejected or Failed).</summary>
    public PaymentStatusEnumType SettlementOutcome { get; set; } = PaymentStatusEnumType.Settled;

    /// <summary>Gets or sets the receipt URL a successful settlement returns (null: none).</summary>
    public string? ReceiptUrl { get; set; } = "https://receipts.example/sim";

    /// <summary>Gets or sets a value indicating whether the PSP approves authorization increases.</summary>
    public bool ApproveIncreases { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether every terminal operation throws (a terminal that lost power).</summary>
    public bool Broken { get; set; }

    /// <summary>Gets the authorization amount the terminal was last armed with.</summary>
    public decimal? ArmedAmount { get; private set; }

    /// <summary>Gets the operations the station asked for, e.g. <c>cancel SIM-PSP-0001</c>, <c>settle SIM-PSP-0001 12.5</c>.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (gate)
            {
                return [.. operations];
            }
        }
    }

    /// <summary>Simulates a card at the terminal.</summary>
    /// <param name="evseId">The EVSE chosen at the terminal, or null.</param>
    /// <param name="outcome">Approved, Declined or Failed.</param>
    /// <returns>The PSP reference of an approved card, otherwise null.</returns>
    public string? Present(int? evseId, PaymentTerminalEventKind outcome)
    {
        if (outcome == PaymentTerminalEventKind.CancelRequested)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "Use Cancel to simulate a driver cancelling.");
        }

        string? pspRef = null;
        if (outcome == PaymentTerminalEventKind.Approved)
        {
            pspRef = "SIM-PSP-" + Interlocked.Increment(ref next).ToString("D4", CultureInfo.InvariantCulture);
            lock (gate)
            {
                lastApproved[evseId ?? 0] = pspRef;
            }
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PaymentBrand"] = "Visa",
            ["CardBin"] = "411111",
            ["CardLast4Digits"] = "1111",
            ["PaymentRecognition"] = "Contactless",
        };
        events.Writer.TryWrite(new PaymentTerminalEvent(outcome, pspRef, evseId, pspRef is null ? null : details, outcome == PaymentTerminalEventKind.Approved ? null : "simulated " + outcome.ToString().ToLowerInvariant()));
        return pspRef;
    }

    /// <summary>Gets the PSP reference of the last card approved for an EVSE (0: no EVSE chosen), or null.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The pspRef.</returns>
    public string? LastApproved(int evseId)
    {
        lock (gate)
        {
            return lastApproved.GetValueOrDefault(evseId);
        }
    }

    /// <summary>Simulates the driver cancelling an approved payment at the terminal.</summary>
    /// <param name="pspRef">The payment.</param>
    public void Cancel(string pspRef) => events.Writer.TryWrite(new PaymentTerminalEvent(PaymentTerminalEventKind.CancelRequested, pspRef, null, null));

    /// <inheritdoc />
    public async Task<PaymentTerminalEvent> NextEventAsync(decimal authorizationAmount, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        ArmedAmount = authorizationAmount;
        var next = await events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

        // A terminal that broke while waiting loses the card it was reading.
        ThrowIfBroken();
        return next;
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(string pspRef, CancellationToken cancellationToken)
    {
        Record("cancel " + pspRef);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<PaymentSettlementResult> SettleAsync(string pspRef, decimal amount, CancellationToken cancellationToken)
    {
        Record("settle " + pspRef + " " + amount.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(SettlementOutcome switch
        {
            PaymentStatusEnumType.Settled => new PaymentSettlementResult(PaymentStatusEnumType.Settled, "R-" + pspRef, ReceiptUrl),
            PaymentStatusEnumType.Rejected => new PaymentSettlementResult(PaymentStatusEnumType.Rejected, StatusInfo: "Simulated PSP rejected the capture"),
            _ => new PaymentSettlementResult(PaymentStatusEnumType.Failed, StatusInfo: "Simulated PSP unreachable"),
        });
    }

    /// <inheritdoc />
    public Task<bool> IncreaseAuthorizationAsync(string pspRef, decimal increment, CancellationToken cancellationToken)
    {
        Record("increase " + pspRef + " " + increment.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(ApproveIncreases);
    }

    private void Record(string operation)
    {
        ThrowIfBroken();
        lock (gate)
        {
            operations.Add(operation);
        }
    }

    private void ThrowIfBroken()
    {
        if (Broken)
        {
            throw new IOException("Simulated payment terminal does not answer.");
        }
    }
}
