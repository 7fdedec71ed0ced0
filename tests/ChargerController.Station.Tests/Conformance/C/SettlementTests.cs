using System.Globalization;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C21/C22 settlement and C23 incremental authorization with the integrated terminal (certification profile
/// P-2.2, TC_C_114-116, 119-122). The OCA step-by-step scenarios are not available: the tests follow the use cases'
/// scenarios and C21.FR.01-07, C22.FR.01/02, C23.FR.01/02, with central cost calculation (the CSMS's totalCost).
/// </summary>
public sealed class SettlementTests
{
    [Fact]
    public async Task TC_C_114_CS()
    {
        // C21.FR.01/02/04: settled by the station, receipt from the terminal in NotifySettlement and on the display.
        await using var rig = await ChargedAsync(new() { ["PaymentCtrlr.ReceiptByCSMS"] = "false" });
        var (pspRef, transactionId) = rig.Paid;
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal(("Settled", pspRef, transactionId), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString(), settlement.GetProperty("transactionId").GetString()));
        Assert.Equal(7.5m, settlement.GetProperty("settlementAmount").GetDecimal());
        Assert.Equal(("R-" + pspRef, "https://receipts.example/sim"), (settlement.GetProperty("receiptId").GetString(), settlement.GetProperty("receiptUrl").GetString()));
        Assert.Contains("settle " + pspRef + " 7.5", rig.Rig.Terminal.Operations);
        Assert.Contains(rig.Rig.Display.Shown, s => s.Kind == "text" && s.Content == "https://receipts.example/sim");
    }

    [Fact]
    public async Task TC_C_115_CS()
    {
        // C21.FR.05-07: SettlementByCSMS: the terminal does not settle and no NotifySettlement; ReceiptServerUrl is shown.
        await using var rig = await ChargedAsync(new() { ["PaymentCtrlr.SettlementByCSMS"] = "true", ["PaymentCtrlr.ReceiptServerUrl"] = "https://receipts.cso.example" });
        await rig.Rig.RunUntilAsync(() => rig.Rig.Display.Shown.Any(s => s.Content == "https://receipts.cso.example"));
        await rig.Rig.Tx.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Empty(rig.Rig.Calls("NotifySettlement"));
        Assert.DoesNotContain(rig.Rig.Terminal.Operations, o => o.StartsWith("settle", StringComparison.Ordinal) || o.StartsWith("cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_116_CS()
    {
        // C21.FR.02/03: settled by the station, receipt by the CSMS: no receipt in the request; the answer's URL is shown.
        await using var rig = await ChargedAsync(new() { ["PaymentCtrlr.ReceiptByCSMS"] = "true" }, csms => csms.Respond("NotifySettlement", """{"receiptUrl":"https://csms.example/r/1","receiptId":"1"}"""));
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal("Settled", settlement.GetProperty("status").GetString());
        Assert.False(settlement.TryGetProperty("receiptUrl", out _));
        Assert.False(settlement.TryGetProperty("receiptId", out _));
        await rig.Rig.RunUntilAsync(() => rig.Rig.Display.Shown.Any(s => s.Content == "https://csms.example/r/1"));
    }

    [Fact]
    public async Task TC_C_119_CS()
    {
        // C22.FR.02: the terminal reports Failed: NotifySettlement Failed without receipt, with the reason.
        await using var rig = await ChargedAsync(new() { ["PaymentCtrlr.ReceiptByCSMS"] = "false" }, terminal: t => t.SettlementOutcome = PaymentStatusEnumType.Failed);
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        AssertNotSettled(settlement, "Failed", rig.Paid);
    }

    [Fact]
    public async Task TC_C_120_CS()
    {
        // C22.FR.01: the PSP rejects the capture: NotifySettlement Rejected without receipt.
        await using var rig = await ChargedAsync(new() { ["PaymentCtrlr.ReceiptByCSMS"] = "false" }, terminal: t => t.SettlementOutcome = PaymentStatusEnumType.Rejected);
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        AssertNotSettled(settlement, "Rejected", rig.Paid);
    }

    [Fact]
    public async Task C22_TerminalFailsMidTransaction_SettlementFailed_NoCrash()
    {
        // The terminal dies while the car charges: the settlement is reported Failed (C22.FR.02), PaymentCtrlr.Problem is set.
        await using var rig = await ChargedAsync([], terminal: _ => { }, beforeUnplug: r => r.Terminal.Broken = true);
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        AssertNotSettled(settlement, "Failed", rig.Paid);
        Assert.Contains("terminal failed", settlement.GetProperty("statusInfo").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(rig.Rig.Tx.Harness.Model.GetBool("PaymentCtrlr", "Problem", false));
    }

    [Fact]
    public async Task C21_NoTotalCostFromCsms_SettlementFailedNothingCaptured()
    {
        // Ended answered without totalCost and no running cost known: nothing is captured on a guess.
        await using var rig = await ChargedAsync([], endedCost: null);
        var settlement = await rig.Rig.WaitForCallAsync("NotifySettlement");
        AssertNotSettled(settlement, "Failed", rig.Paid);
        Assert.DoesNotContain(rig.Rig.Terminal.Operations, o => o.StartsWith("settle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_121_CS()
    {
        // C23.FR.01/02: AuthorizationAmount 20, increment 10, threshold 5: at a running cost above 15 the terminal raises
        // the authorization and the station sends LimitSet with maxCost 30; the energy never stops.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string>
            {
                ["PaymentCtrlr.IncrementalAuthorizationAmount"] = "10",
                ["PaymentCtrlr.IncrementalAuthorizationThreshold"] = "5",
                ["SampledDataCtrlr.TxUpdatedInterval"] = "10",
            },
            script: csms => csms.Respond("TransactionEvent", request => RunningCost(request.GetProperty("seqNo").GetInt32(), 4m)));
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        var raised = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet", TimeSpan.FromMinutes(3));
        Assert.Equal(30m, raised.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        Assert.Contains("increase " + pspRef + " 10", rig.Terminal.Operations);
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "CostLimitReached");
        Assert.True(rig.Tx.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_C_122_CS()
    {
        // C23 remark: IncrementalAuthorizationAmount 0: no increase; the energy stops at maxCost = AuthorizationAmount.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["SampledDataCtrlr.TxUpdatedInterval"] = "10" },
            script: csms => csms.Respond("TransactionEvent", request => RunningCost(request.GetProperty("seqNo").GetInt32(), 5m)));
        await rig.PayAsync();
        await rig.Tx.PlugAsync();
        var reached = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Terminal.Operations, o => o.StartsWith("increase", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "LimitSet");
    }

    [Fact]
    public async Task C23_TerminalRefusesIncrease_EnergyStopsAtMaxCost()
    {
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["PaymentCtrlr.IncrementalAuthorizationAmount"] = "10", ["SampledDataCtrlr.TxUpdatedInterval"] = "10" },
            script: csms => csms.Respond("TransactionEvent", request => RunningCost(request.GetProperty("seqNo").GetInt32(), 5m)));
        rig.Terminal.ApproveIncreases = false;
        await rig.PayAsync();
        await rig.Tx.PlugAsync();
        await rig.Tx.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        Assert.Single(rig.Terminal.Operations, o => o.StartsWith("increase", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "LimitSet");
    }

    private static string RunningCost(int seqNo, decimal perEvent) =>
        $$"""{"totalCost":{{(perEvent * seqNo).ToString(CultureInfo.InvariantCulture)}}}""";

    private static void AssertNotSettled(System.Text.Json.JsonElement settlement, string status, (string PspRef, string TransactionId) paid)
    {
        Assert.Equal((status, paid.PspRef, paid.TransactionId), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString(), settlement.GetProperty("transactionId").GetString()));
        Assert.False(settlement.TryGetProperty("receiptUrl", out _));
        Assert.False(settlement.TryGetProperty("receiptId", out _));
        Assert.True(settlement.TryGetProperty("statusInfo", out _));
    }

    /// <summary>Pays, charges a little, unplugs; the Ended answer carries <paramref name="endedCost"/>.</summary>
    private static async Task<Charged> ChargedAsync(
        Dictionary<string, string> config,
        Action<Testing.Csms.LoopbackCsms>? script = null,
        Action<Station.Payment.SimulatedPaymentTerminal>? terminal = null,
        Action<PaymentRig>? beforeUnplug = null,
        decimal? endedCost = 7.5m)
    {
        var rig = await PaymentRig.StartAsync(config, script: csms =>
        {
            csms.Respond("TransactionEvent", request => request.GetProperty("eventType").GetString() == "Ended" && endedCost is { } cost
                ? $$"""{"totalCost":{{cost.ToString(CultureInfo.InvariantCulture)}}}"""
                : "{}");
            script?.Invoke(csms);
        });
        terminal?.Invoke(rig.Terminal);
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        beforeUnplug?.Invoke(rig);
        await rig.Tx.UnplugAsync();
        await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        return new Charged(rig, (pspRef, started.TxId()));
    }

    private sealed record Charged(PaymentRig Rig, (string PspRef, string TransactionId) Paid) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
