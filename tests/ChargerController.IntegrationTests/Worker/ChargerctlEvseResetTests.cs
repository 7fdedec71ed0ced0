using System.Text.Json;
using ChargerController.IntegrationTests.CrashSafety;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// <c>chargerctl evse reset</c> on the real chargerd (<c>--simulate --evses 2</c>): the same per-EVSE reset as an OCPP Reset
/// with evseId (B11.FR.08, B12.FR.08); refused during a session unless <c>--force</c>.
/// </summary>
public sealed class ChargerctlEvseResetTests
{
    [Fact]
    public async Task EvseReset_RefusedWhileCharging_ForceEndsTheTransactionImmediateReset_IdleEvseReportsUnavailableThenAvailable()
    {
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        await using var chargerd = await rig.StartChargerdAsync();
        await rig.Ctl.StatusWhenAsync(s => s.GetProperty("bootStatus").GetString() == "Accepted", "the boot");
        await rig.ChargeAsync(1, "04A1B2C3");
        var tx1 = (await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("transactionId").ValueKind == JsonValueKind.String)).GetProperty("transactionId").GetString()!;

        // Charging: refused (exit code 8) with the way out in the message; nothing happened to the transaction.
        var refused = await ChargerctlRun.RunAsync("--socket", rig.Socket, "evse", "reset", "1");
        Assert.Equal(8, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.True((await rig.Ctl.StatusAsync()).GetProperty("evses")[0].GetProperty("contactorClosed").GetBoolean());

        // --force: the transaction ends as with an OCPP Immediate Reset of the EVSE, then the EVSE resets.
        var forced = await ChargerctlRun.RunAsync("--socket", rig.Socket, "evse", "reset", "1", "--force", "--json");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains(tx1, JsonDocument.Parse(forced.Output).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        var ended = await WaitForEndedAsync(rig, tx1);
        Assert.Equal("ResetCommand", ended.GetProperty("triggerReason").GetString());
        Assert.Equal("ImmediateReset", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        var evse1 = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("connectorStatus").GetString() == "Occupied");
        Assert.False(evse1.GetProperty("contactorClosed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, evse1.GetProperty("transactionId").ValueKind);

        // An idle EVSE resets at once and tells the CSMS (B11.FR.08): Unavailable, then Available again.
        var session = rig.Csms.Current!;
        var framesBefore = session.Frames.Count;
        var idle = await ChargerctlRun.RunAsync("--socket", rig.Socket, "evse", "reset", "2");
        Assert.True(idle.ExitCode == 0, idle.Error);
        await WaitForStatusesAsync(session, framesBefore, 2, ["Unavailable", "Available"]);

        // Usage errors: no such EVSE (exit code 1).
        Assert.Equal(1, (await ChargerctlRun.RunAsync("--socket", rig.Socket, "evse", "reset", "7")).ExitCode);
        Assert.Single(rig.Csms.Sessions);
        Assert.False(chargerd.HasExited);
    }

    private static async Task<JsonElement> WaitForEndedAsync(ChargerdRig rig, string transactionId)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        while (true)
        {
            var found = rig.TransactionEvents.Select(f => f.Json!.Value[3]).FirstOrDefault(p =>
                p.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId && p.GetProperty("eventType").GetString() == "Ended");
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    private static async Task WaitForStatusesAsync(CsmsSession session, int from, int evseId, string[] expected)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        IReadOnlyList<string?> seen = [];
        while (!cts.IsCancellationRequested)
        {
            seen = [.. session.Frames.Skip(from)
                .Where(f => f.Direction == FrameDirection.FromStation && f.Action == "StatusNotification" && f.Json!.Value[3].GetProperty("evseId").GetInt32() == evseId)
                .Select(f => f.Json!.Value[3].GetProperty("connectorStatus").GetString())];
            if (seen.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail($"EVSE {evseId} StatusNotifications: [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]");
    }
}
