using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>C25.FR.22: while a web payment runs on an EVSE, a card tapped there starts nothing on it.</summary>
public sealed class WebPaymentHoldTests
{
    [Fact]
    public async Task C25_FR_22_CardTappedDuringWebPayment_NoLocalStart()
    {
        await using var rig = await PaymentRig.StartAsync(new Dictionary<string, string> { ["AuthCtrlr.AuthorizeRemoteStart"] = "false" }, withTerminal: false);
        await rig.Tx.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":1,"timeout":120}""");
        await rig.RunUntilAsync(() => rig.Module.IsHeldForWebPayment(1));

        // An RFID card during the payment: refused on the held EVSE, no session, the contactor stays open.
        var tapped = await rig.Tx.TapAsync("RFID-1");
        Assert.Null(tapped.Session);
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
        await rig.Tx.PlugAsync();
        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.False(rig.Tx.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Started");

        // C25.FR.22/23: the CSMS's RequestStartTransaction with the DirectPayment token ends the hold and starts.
        var reply = await rig.Tx.Session.CallAsync("RequestStartTransaction", """{"idToken":{"idToken":"PSP-WEB-9","type":"DirectPayment"},"remoteStartId":9,"evseId":1}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal("PSP-WEB-9", started.IdToken());
        await rig.RunUntilAsync(() => !rig.Module.IsHeldForWebPayment(1));
    }

    [Fact]
    public async Task C25_FR_22_HoldTimesOut_CardStartsAgain()
    {
        // The hold lasts `timeout` seconds only: afterwards a card starts normally.
        await using var rig = await PaymentRig.StartAsync(withTerminal: false);
        await rig.Tx.Session.CallAsync("NotifyWebPaymentStarted", """{"evseId":1,"timeout":30}""");
        await rig.RunUntilAsync(() => rig.Module.IsHeldForWebPayment(1));
        Assert.Null((await rig.Tx.TapAsync("RFID-2")).Session);

        await rig.Tx.RunForAsync(TimeSpan.FromSeconds(31), TimeSpan.FromMilliseconds(500));
        Assert.NotNull((await rig.Tx.TapAsync("RFID-2")).Session);
    }
}
