using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C24 ad hoc payment via a stand-alone payment terminal (certification profile P-2.3). The OCA step-by-step
/// scenario is not available: the test follows C24.FR.01-04/10 (RequestStartTransaction with the pspRef as DirectPayment
/// token, the CSMS's transactionLimit confirmed once and enforced, settlement left to the CSMS), with central (TC_C_124)
/// or local (TC_C_123, the tariff block I) cost calculation.
/// </summary>
public sealed class StandaloneTerminalTests
{
    [Fact]
    public async Task TC_C_124_CS()
    {
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["AuthCtrlr.AuthorizeRemoteStart"] = "false" },
            script: csms => csms.Respond("TransactionEvent", request => request.GetProperty("eventType").GetString() switch
            {
                "Started" => """{"transactionLimit":{"maxCost":12.5}}""",
                "Ended" => """{"totalCost":3.2,"updatedPersonalMessage":{"format":"UTF8","content":"EUR 3.20"}}""",
                _ => "{}",
            }));
        var reply = await rig.Tx.Session.CallAsync("RequestStartTransaction", """{"idToken":{"idToken":"KIOSK-PSP-1","type":"DirectPayment","additionalInfo":[{"additionalIdToken":"4444","type":"CardLast4Digits"}]},"remoteStartId":3,"evseId":1}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal(("KIOSK-PSP-1", "DirectPayment"), (started.IdToken(), started.GetProperty("idToken").GetProperty("type").GetString()));
        Assert.Equal(3, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());

        // C24.FR.03/04: the limit once in the next event, then E16.
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(12.5m, limitSet.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.Tx.UnplugAsync();
        await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");

        // C24.FR.10: the CSMS settles via the kiosk or the PSP; the station's own terminal is not involved.
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(2));
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(rig.Calls("NotifySettlement"));
        Assert.Empty(rig.Terminal.Operations);
        Assert.Single(rig.Events, e => e.Trigger() == "LimitSet");
    }

    [Fact]
    public async Task TC_C_123_CS()
    {
        // C24.FR.01-04 with local cost calculation (P-2.3 + I12): the station prices the session with its default tariff,
        // confirms the kiosk's maxCost (LimitSet) and stops the energy when its own running cost reaches it (E16 remark:
        // a station that calculates cost locally stops exactly at the limit, CostLimitReached / SuspendedEVSE); the Ended
        // event carries the costDetails the CSMS settles with (I12.FR.01, C24.FR.10); the station's terminal is not used.
        await using var rig = await PaymentRig.StartAsync(
            new Dictionary<string, string> { ["AuthCtrlr.AuthorizeRemoteStart"] = "false", ["TariffCostCtrlr.Interval[Tariff]"] = "0" },
            script: csms => csms.Respond("TransactionEvent", request => request.GetProperty("eventType").GetString() == "Started" ? """{"transactionLimit":{"maxCost":1.00}}""" : "{}"),
            withTerminal: false,
            tariffs: true);
        var tariff = """{"tariffId":"KIOSK","currency":"EUR","energy":{"prices":[{"priceKwh":2.00}]}}""";
        Assert.Equal("Accepted", (await rig.Tx.Session.CallAsync("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{tariff}}}"""))[2].GetProperty("status").GetString());
        var reply = await rig.Tx.Session.CallAsync("RequestStartTransaction", """{"idToken":{"idToken":"KIOSK-PSP-2","type":"DirectPayment"},"remoteStartId":4,"evseId":1}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal(("KIOSK-PSP-2", "DirectPayment"), (started.IdToken(), started.GetProperty("idToken").GetProperty("type").GetString()));
        Assert.Contains(rig.Events, e => e.GetProperty("transactionInfo").TryGetProperty("tariffId", out var id) && id.GetString() == "KIOSK");
        var limitSet = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(1.00m, limitSet.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());

        // 1.00 EUR at 2.00 EUR/kWh is 500 Wh: a few minutes at 11 kW, priced locally every tick (Interval[Tariff] = 0).
        var reached = await rig.Tx.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(10));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.Tx.RunUntilAsync(() => !rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        var atLimit = rig.Tariffs!.CostOf(started.TxId())!;
        Assert.True(atLimit.Local);
        Assert.InRange(atLimit.Total, 1.00m, 1.20m);

        await rig.Tx.UnplugAsync();
        var ended = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        var total = ended.GetProperty("costDetails").GetProperty("totalCost");
        Assert.Equal("KIOSK", ended.GetProperty("costDetails").GetProperty("chargingPeriods")[0].GetProperty("tariffId").GetString());
        Assert.InRange(total.GetProperty("total").GetProperty("exclTax").GetDecimal(), 1.00m, 1.20m);
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(2));
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(rig.Calls("NotifySettlement"));
        Assert.Empty(rig.Terminal.Operations);
    }
}
