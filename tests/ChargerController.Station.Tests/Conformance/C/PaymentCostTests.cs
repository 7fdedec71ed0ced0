using System.Globalization;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// The costs the tariff block knows reach the payment block (the tariff cost view bridged to the payment's): a
/// CostUpdated of the CSMS (I02) drives incremental authorization (C23), and a locally calculated total (I12) is what the
/// integrated terminal settles (C21).
/// </summary>
public sealed class PaymentCostTests
{
    [Fact]
    public async Task C23_CostUpdatedFromCsms_AuthorizationIncreased()
    {
        // C23.FR.01/02: AuthorizationAmount 20, increment 10, threshold 5. The CSMS reports the running cost only with
        // CostUpdated (I02.FR.02); at 16 the terminal raises the authorization and the station sends LimitSet maxCost 30.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string>
            {
                ["PaymentCtrlr.IncrementalAuthorizationAmount"] = "10",
                ["PaymentCtrlr.IncrementalAuthorizationThreshold"] = "5",
            },
            tariffs: true);
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");

        var reply = await rig.Tx.Session.CallAsync("CostUpdated", $$"""{"totalCost":16,"transactionId":"{{started.TxId()}}"}""");
        Assert.Empty(reply[2].EnumerateObject());
        var raised = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet" && e.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal() == 30m);
        Assert.Contains("increase " + pspRef + " 10", rig.Terminal.Operations);
        Assert.Contains("Cost so far: 16.00 EUR", rig.TariffScreen.Texts);
        Assert.True(rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        _ = raised;
    }

    [Fact]
    public async Task C21_LocalCostCalculation_TerminalSettlesLocalTotal()
    {
        // C21.FR.01/02 with a local tariff (I12): the CSMS answers the Ended event without totalCost; the station
        // captures the total of its own costDetails.
        await using var rig = await PaymentRig.StartAsync(tariffs: true);
        var tariff = """{"tariffId":"LOCAL","currency":"EUR","energy":{"prices":[{"priceKwh":0.50}]},"fixedFee":{"prices":[{"priceFixed":1.00}]}}""";
        Assert.Equal("Accepted", (await rig.Tx.Session.CallAsync("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{tariff}}}"""))[2].GetProperty("status").GetString());
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.Tx.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        await rig.Tx.UnplugAsync();
        var ended = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        var total = ended.GetProperty("costDetails").GetProperty("totalCost").GetProperty("total").GetProperty("exclTax").GetDecimal();
        Assert.True(total > 1.00m, $"total {total}");

        var settlement = await rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal("Settled", settlement.GetProperty("status").GetString());
        Assert.Equal(total, settlement.GetProperty("settlementAmount").GetDecimal());
        Assert.Contains("settle " + pspRef + " " + total.ToString(CultureInfo.InvariantCulture), rig.Terminal.Operations);
    }
}
