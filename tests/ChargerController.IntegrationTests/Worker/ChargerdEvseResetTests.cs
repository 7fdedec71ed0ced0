using System.Text.Json;
using ChargerController.IntegrationTests.CrashSafety;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// Reset of one EVSE on the real chargerd (<c>--simulate --evses 2</c>) from the loopback CSMS: the EVSE's transaction
/// ends as B12 says, its loop starts afresh, and the other EVSE and the OCPP connection carry on untouched.
/// </summary>
public sealed class ChargerdEvseResetTests
{
    [Fact]
    public async Task B12_FR_08_ResetImmediateEvse1_WhileBothCharge_EndsEvse1ImmediateReset_Evse2Untouched()
    {
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        await using var chargerd = await rig.StartChargerdAsync();
        var (tx1, tx2) = await ChargeBothAsync(rig);
        var session = rig.Csms.Current!;

        // B11.FR.10: chargerd announces that each EVSE can be reset on its own.
        var allowed = await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"AllowReset"}}]}""", ChargerdRig.Timeout);
        Assert.Equal("true", allowed[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());

        var framesBefore = session.Frames.Count;
        var reply = await session.CallAsync("Reset", """{"type":"Immediate","evseId":1}""", ChargerdRig.Timeout);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());

        var ended = await WaitForEventAsync(rig, tx1, "Ended");
        Assert.Equal("ResetCommand", ended.GetProperty("triggerReason").GetString());
        Assert.Equal("ImmediateReset", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());

        // EVSE 1 goes Unavailable while it resets, then back to Occupied (the EV is still plugged), without energy.
        await WaitForStatusesAsync(session, framesBefore, 1, ["Unavailable", "Occupied"]);
        var evse1 = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("connectorStatus").GetString() == "Occupied" && e.GetProperty("transactionId").ValueKind == JsonValueKind.Null);
        Assert.False(evse1.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal(0, evse1.GetProperty("offeredCurrentA").GetDouble());

        // EVSE 2 charges on in the same transaction; no StatusNotification for it; the connection was never dropped.
        var evse2 = (await rig.Ctl.StatusAsync()).GetProperty("evses")[1];
        Assert.True(evse2.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal(tx2, evse2.GetProperty("transactionId").GetString());
        var after = session.Frames.Skip(framesBefore).Where(f => f.Direction == FrameDirection.FromStation).ToList();
        Assert.DoesNotContain(after, f => f.Action == "StatusNotification" && Payload(f).GetProperty("evseId").GetInt32() == 2);
        Assert.DoesNotContain(after, f => f.Action == "TransactionEvent" && TransactionId(f) == tx2 && Payload(f).GetProperty("eventType").GetString() == "Ended");
        Assert.DoesNotContain(after, f => f.Action == "BootNotification");
        Assert.Single(rig.Csms.Sessions);
        Assert.False(chargerd.HasExited);

        // EVSE 1 is back in service: a new card starts a new transaction there.
        await rig.Ctl.RunAsync("sim", "tap", "04A1B2C3");
        var again = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("contactorClosed").GetBoolean() && e.GetProperty("transactionId").ValueKind == JsonValueKind.String);
        Assert.NotEqual(tx1, again.GetProperty("transactionId").GetString());
        TransactionEventLedger.Check(rig.TransactionEvents, requireEnded: false);
    }

    [Fact]
    public async Task B12_FR_07_ResetOnIdleEvse1_WhileBothCharge_ScheduledUntilEvse1sTransactionEnds_ThenResetsEvse1Only()
    {
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        await using var chargerd = await rig.StartChargerdAsync();
        var (tx1, tx2) = await ChargeBothAsync(rig);
        var session = rig.Csms.Current!;

        var framesBefore = session.Frames.Count;
        var reply = await session.CallAsync("Reset", """{"type":"OnIdle","evseId":1}""", ChargerdRig.Timeout);
        Assert.Equal("Scheduled", reply[2].GetProperty("status").GetString());

        // Scheduled: EVSE 1 charges on until its transaction ends normally (here: the driver stops with the card).
        await Task.Delay(500);
        Assert.True((await rig.Ctl.StatusAsync()).GetProperty("evses")[0].GetProperty("contactorClosed").GetBoolean());
        Assert.DoesNotContain(session.Frames.Skip(framesBefore), f => f.Action == "StatusNotification");
        await rig.Ctl.RunAsync("sim", "tap", "04A1B2C3");

        var ended = await WaitForEventAsync(rig, tx1, "Ended");
        Assert.NotEqual("ImmediateReset", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        await WaitForStatusesAsync(session, framesBefore, 1, ["Unavailable", "Occupied"]);

        var evse2 = (await rig.Ctl.StatusAsync()).GetProperty("evses")[1];
        Assert.True(evse2.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal(tx2, evse2.GetProperty("transactionId").GetString());
        Assert.DoesNotContain(session.Frames.Skip(framesBefore), f => f.Action == "StatusNotification" && Payload(f).GetProperty("evseId").GetInt32() == 2);
        Assert.Single(rig.Csms.Sessions);
    }

    private static async Task<(string Tx1, string Tx2)> ChargeBothAsync(ChargerdRig rig)
    {
        await rig.Ctl.StatusWhenAsync(s => s.GetProperty("bootStatus").GetString() == "Accepted", "the boot");
        await rig.ChargeAsync(1, "04A1B2C3");
        await rig.ChargeAsync(2, "04D4E5F6");
        var status = await rig.Ctl.StatusWhenAsync(s => s.GetProperty("evses").EnumerateArray().All(e => e.GetProperty("transactionId").ValueKind == JsonValueKind.String), "both transactions");
        var tx1 = status.GetProperty("evses")[0].GetProperty("transactionId").GetString()!;
        var tx2 = status.GetProperty("evses")[1].GetProperty("transactionId").GetString()!;
        await WaitForEventAsync(rig, tx1, "Started");
        await WaitForEventAsync(rig, tx2, "Started");
        return (tx1, tx2);
    }

    private static async Task<JsonElement> WaitForEventAsync(ChargerdRig rig, string transactionId, string eventType)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        while (true)
        {
            var found = rig.TransactionEvents.Select(Payload).FirstOrDefault(p => p.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId
                && p.GetProperty("eventType").GetString() == eventType);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Waits until the StatusNotifications for <paramref name="evseId"/> since frame <paramref name="from"/> are exactly <paramref name="expected"/>.</summary>
    private static async Task WaitForStatusesAsync(CsmsSession session, int from, int evseId, string[] expected)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        IReadOnlyList<string?> seen = [];
        while (!cts.IsCancellationRequested)
        {
            seen = [.. session.Frames.Skip(from)
                .Where(f => f.Direction == FrameDirection.FromStation && f.Action == "StatusNotification" && Payload(f).GetProperty("evseId").GetInt32() == evseId)
                .Select(f => Payload(f).GetProperty("connectorStatus").GetString())];
            if (seen.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail($"EVSE {evseId} StatusNotifications: [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]");
    }

    private static JsonElement Payload(RecordedFrame frame) => frame.Json!.Value[3];

    private static string? TransactionId(RecordedFrame frame) => Payload(frame).GetProperty("transactionInfo").GetProperty("transactionId").GetString();
}
