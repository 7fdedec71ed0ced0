using System.Text.Json;
using ChargerController.IntegrationTests.CrashSafety;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// Authorization first on the real chargerd (<c>--simulate --evses 2</c>): the driver taps before plugging in, then plugs
/// into EVSE 2; the session and the transaction are on EVSE 2 (E03, E01.FR.16), EVSE 1 stays free.
/// </summary>
public sealed class ChargerdTapBeforePlugTests
{
    [Fact]
    public async Task E03_TapThenPlugIntoEvse2_ChargesOnEvse2_Evse1Free()
    {
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        await using var chargerd = await rig.StartChargerdAsync();
        await rig.Ctl.StatusWhenAsync(s => s.GetProperty("bootStatus").GetString() == "Accepted", "the boot");

        await rig.Ctl.RunAsync("sim", "tap", "04A1B2C3");

        // The card is authorized at the CSMS first (C01.FR.02). Whether the plug below comes before or after that answer,
        // the driver's session belongs on the EVSE the cable is in.
        await rig.Csms.Current!.WaitForFrameAsync(f => f.Direction == FrameDirection.FromStation && f.Action == "Authorize", ChargerdRig.Timeout);
        var evse1 = (await rig.Ctl.StatusAsync()).GetProperty("evses")[0];
        Assert.False(evse1.GetProperty("contactorClosed").GetBoolean());

        await rig.Ctl.RunAsync("sim", "plug", "2");
        var evse2 = await rig.Ctl.EvseWhenAsync(2, e => e.GetProperty("contactorClosed").GetBoolean() && e.GetProperty("transactionId").ValueKind == JsonValueKind.String);
        var transactionId = evse2.GetProperty("transactionId").GetString();

        var started = await WaitForStartedAsync(rig, transactionId!);
        Assert.Equal(2, started.GetProperty("evse").GetProperty("id").GetInt32());
        Assert.Equal("04A1B2C3", started.GetProperty("idToken").GetProperty("idToken").GetString());

        var status = await rig.Ctl.StatusAsync();
        evse1 = status.GetProperty("evses")[0];
        Assert.Equal(JsonValueKind.Null, evse1.GetProperty("transactionId").ValueKind);
        Assert.False(evse1.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal("Available", evse1.GetProperty("connectorStatus").GetString());
        Assert.False(chargerd.HasExited);
    }

    private static async Task<JsonElement> WaitForStartedAsync(ChargerdRig rig, string transactionId)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        while (true)
        {
            var found = rig.TransactionEvents.Select(f => f.Json!.Value[3]).FirstOrDefault(p =>
                p.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId
                && p.GetProperty("eventType").GetString() == "Started");
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            await Task.Delay(50, cts.Token);
        }
    }
}
