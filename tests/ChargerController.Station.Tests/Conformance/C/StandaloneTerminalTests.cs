using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C24 ad hoc payment via a stand-alone payment terminal (certification profile P-2.3). The OCA step-by-step
/// scenario is not available: the test follows C24.FR.01-04/10 (RequestStartTransaction with the pspRef as DirectPayment
/// token, the CSMS's transactionLimit confirmed once and enforced, settlement left to the CSMS). TC_C_123 (local cost
/// calculation) needs costDetails from the tariff block (I) and is not covered here.
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
}
