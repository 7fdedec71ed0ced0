using System.Globalization;
using System.Text.Json;
using ChargerController.IntegrationTests.Worker;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ChargerController.IntegrationTests.CrashSafety;

/// <summary>
/// The product's promise under power loss, on the product itself: the real chargerd (<c>--simulate</c>, real SQLite state
/// directory, real control socket) is SIGKILLed — no handler runs, nothing is flushed, as when the plug is pulled — while
/// it charges, while the CSMS is unreachable and while it writes, then started again on the same state directory as
/// systemd's <c>Restart=always</c> would. Checked at the CSMS (the loopback test double) and with chargerctl.
/// With TxCtrlr.ResumptionTimeout at its default 0, a transaction open at the kill ends after the restart with
/// AbnormalCondition and PowerLoss after a machine boot (E17.FR.21) or Reboot after a restart of the process alone (E17.FR.22). Longer random runs:
/// <c>CRASH_KILLS=200 CRASH_SEED=7 dotnet test tests/ChargerController.IntegrationTests --filter FullyQualifiedName~ChargerdPowerLoss</c>.
/// </summary>
public sealed class ChargerdPowerLossTests(ITestOutputHelper output)
{
    /// <summary>
    /// A SIGKILL without a machine boot is the station's own failure (a crash, the watchdog, the OOM killer): the
    /// transaction ends AbnormalCondition/Reboot (E17.FR.22); a real power cut is the next test.
    /// </summary>
    [Fact]
    public async Task E17_FR_22_SigkillWhileCharging_RestartEndsTheTransactionReboot_ContactorOpenUntilNewAuthorization()
    {
        await using var rig = await ChargerdRig.StartAsync();
        string transactionId;
        await using (var first = await rig.StartChargerdAsync())
        {
            await rig.ChargeAsync(1, "04A1B2C3");
            transactionId = (await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("transactionId").ValueKind == JsonValueKind.String)).GetProperty("transactionId").GetString()!;

            // During meter sampling: at least two periodic Updated events have reached the CSMS.
            await WaitForAsync(() => rig.TransactionEvents.Count(f => Payload(f).GetProperty("triggerReason").GetString() == "MeterValuePeriodic") >= 2, "periodic meter values");
            await first.KillAsync();
        }

        await using var second = await rig.StartChargerdAsync();
        await WaitForAsync(() => rig.TransactionEvents.Any(f => Payload(f).GetProperty("eventType").GetString() == "Ended"), "the Ended event");
        var ledger = TransactionEventLedger.Check(rig.TransactionEvents, requireEnded: true);
        var tx = ledger.Single(transactionId);
        Assert.Equal("AbnormalCondition", tx.EndTrigger);
        Assert.Equal("Reboot", tx.StoppedReason);
        Assert.True(tx.Events.Count >= 4, $"Started, 2 periodic Updated, Ended at least; got {tx.Events.Count}");

        // Safety after the restart: nothing is energised, and an EV plugged in again waits for a new authorization.
        var evse = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("transactionId").ValueKind == JsonValueKind.Null);
        Assert.False(evse.GetProperty("contactorClosed").GetBoolean());
        await rig.Ctl.RunAsync("sim", "plug", "1");
        evse = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("pilotState").GetString()!.StartsWith('B'));
        for (var i = 0; i < 5; i++)
        {
            Assert.False(evse.GetProperty("contactorClosed").GetBoolean(), "the contactor closed without an authorization");
            Assert.Equal(0, evse.GetProperty("offeredCurrentA").GetDouble());
            await Task.Delay(100);
            evse = (await rig.Ctl.StatusAsync()).GetProperty("evses")[0];
        }

        await rig.Ctl.RunAsync("sim", "tap", "04A1B2C3");
        evse = await rig.Ctl.EvseWhenAsync(1, e => e.GetProperty("contactorClosed").GetBoolean() && e.GetProperty("transactionId").ValueKind == JsonValueKind.String);
        Assert.NotEqual(transactionId, evse.GetProperty("transactionId").GetString());
        await WaitForAsync(() => TransactionEventLedger.Check(rig.TransactionEvents, requireEnded: false).Transactions.Count == 2, "the new transaction's Started");
        output.WriteLine($"{ledger.Received} TransactionEvents, {ledger.Resent} resent");
    }

    /// <summary>
    /// A power cut while the CSMS is unreachable: the machine boots again (a new Linux boot id, written into the state
    /// directory's record of the last run here), the queued events are still there, the transaction ends
    /// AbnormalCondition/PowerLoss (E17.FR.21) and everything arrives in order once the CSMS answers.
    /// </summary>
    [Fact]
    public async Task E17_FR_21_PowerCutWhileCsmsUnreachable_QueuedTransactionEventsSurvive_TransactionEndsPowerLoss()
    {
        await using var rig = await ChargerdRig.StartAsync();
        rig.Csms.RefuseConnections(int.MaxValue);
        int queued;
        await using (var first = await rig.StartChargerdAsync())
        {
            await rig.ChargeAsync(1, "04A1B2C3");

            // Right after a TransactionEvent was queued: Started, then the first periodic Updated.
            queued = (await rig.Ctl.StatusWhenAsync(s => s.GetProperty("queueDepth").GetInt32() >= 3, "queued TransactionEvents")).GetProperty("queueDepth").GetInt32();
            await first.KillAsync();
        }

        // The machine went down with the process: after power returns Linux has a new boot id.
        File.WriteAllText(Path.Combine(rig.StateDir, "last-boot-id"), Guid.NewGuid().ToString());

        await using (var second = await rig.StartChargerdAsync())
        {
            // Still offline: what was queued is still queued, and the power loss adds the Ended event.
            var depth = (await rig.Ctl.StatusWhenAsync(s => s.GetProperty("queueDepth").GetInt32() > queued, "the Ended event queued")).GetProperty("queueDepth").GetInt32();
            Assert.True(depth > queued, $"queue depth {depth} after the restart, {queued} before the kill");
            Assert.False((await rig.Ctl.StatusAsync()).GetProperty("evses")[0].GetProperty("contactorClosed").GetBoolean());
            await second.KillAsync();
        }

        Assert.Empty(rig.TransactionEvents);
        rig.Csms.AcceptConnections();
        await using var third = await rig.StartChargerdAsync();
        await rig.Ctl.StatusWhenAsync(s => s.GetProperty("queueDepth").GetInt32() == 0 && s.GetProperty("connected").GetBoolean(), "the queue drained");
        var ledger = TransactionEventLedger.Check(rig.TransactionEvents, requireEnded: true);
        var tx = Assert.Single(ledger.Transactions);
        Assert.Equal("AbnormalCondition", tx.EndTrigger);
        Assert.Equal("PowerLoss", tx.StoppedReason);

        // E04.FR.06 / E13: events queued while offline go out in order, flagged offline.
        Assert.All(tx.Events, e => Assert.True(e.TryGetProperty("offline", out var offline) && offline.GetBoolean(), e.GetRawText()));
        output.WriteLine($"{ledger.Received} TransactionEvents, {queued} queued before the kill");
    }

    /// <summary>
    /// Random kills while both EVSEs plug, charge, stop and unplug, now and then with the CSMS connection dropped: at the
    /// end every transaction has exactly one Started and one Ended, seqNo 0..n, resends only of the same CALL, and the
    /// registers never go down.
    /// </summary>
    [Fact]
    public async Task RandomSigkills_WhileTwoEvsesCharge_NoTransactionEventLostDuplicatedOrOutOfSequence()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CRASH_KILLS"), out var k) ? k : 8;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var s) ? s : Environment.TickCount;
        output.WriteLine($"kills {kills}, seed {seed}");
        var random = new Random(seed);
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        for (var i = 0; i < kills; i++)
        {
            if (random.Next(4) == 0)
            {
                // Some kills fall into the start-up itself: database open and migration, boot, the first status.
                await using var starting = await rig.StartChargerdAsync(waitForSocket: false);
                await Task.Delay(random.Next(0, 800));
                await starting.KillAsync();
                continue;
            }

            await using var chargerd = await rig.StartChargerdAsync();
            using var stop = new CancellationTokenSource();
            var drivers = new[] { DriveAsync(rig, 1, "04A1B2C3", new Random(random.Next()), stop.Token), DriveAsync(rig, 2, "04D4E5F6", new Random(random.Next()), stop.Token) };
            var life = TimeSpan.FromMilliseconds(random.Next(300, 2500));
            if (random.Next(4) == 0)
            {
                await Task.Delay(life / 2);
                rig.Csms.DropCurrentSession();
                await Task.Delay(life / 2);
            }
            else
            {
                await Task.Delay(life);
            }

            Assert.False(chargerd.HasExited, "chargerd died on its own: " + chargerd.StandardError);
            await chargerd.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(drivers);
        }

        // The last life: no new sessions; transactions open at the kill end (PowerLoss) and the queue drains.
        await using var last = await rig.StartChargerdAsync();
        await rig.Ctl.StatusWhenAsync(
            st => st.GetProperty("queueDepth").GetInt32() == 0 && st.GetProperty("connected").GetBoolean()
                && st.GetProperty("evses").EnumerateArray().All(e => e.GetProperty("transactionId").ValueKind == JsonValueKind.Null && !e.GetProperty("contactorClosed").GetBoolean()),
            "the queue drained, no transaction left, contactors open");
        var ledger = TransactionEventLedger.Check(rig.TransactionEvents, requireEnded: true);
        output.WriteLine($"{ledger.Transactions.Count} transactions, {ledger.Received} TransactionEvents, {ledger.Resent} resent; stoppedReasons: "
            + string.Join(", ", ledger.Transactions.GroupBy(t => t.StoppedReason).Select(g => $"{g.Key} {g.Count()}")));
    }

    /// <summary>
    /// SIGKILL at random moments of a burst of SQLite writes (local-list entries, device-model values, queued
    /// TransactionEvents, all at once): the database always opens again, chargerd starts, and the queue depth it
    /// reports never drops below what it reported before the kill (nothing durable was lost; the CSMS is unreachable, so
    /// nothing drains).
    /// </summary>
    [Fact]
    public async Task SigkillDuringSqliteWriteBurst_DatabaseAlwaysOpens_ChargerdStartsAndReportsTheQueueDepth()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var s) ? s : Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var rig = await ChargerdRig.StartAsync(evses: 2);
        rig.Csms.RefuseConnections(int.MaxValue);
        var depthBefore = 0;
        for (var i = 0; i < 5; i++)
        {
            await using var chargerd = await rig.StartChargerdAsync();
            var depth = (await rig.Ctl.StatusAsync()).GetProperty("queueDepth").GetInt32();
            Assert.True(depth >= depthBefore, $"life {i}: queue depth {depth} after the restart, {depthBefore} reported before the kill");
            using var stop = new CancellationTokenSource();
            var burst = new List<Task>
            {
                DriveAsync(rig, 1, "04A1B2C3", new Random(random.Next()), stop.Token),
                DriveAsync(rig, 2, "04D4E5F6", new Random(random.Next()), stop.Token),
                WriteLoopAsync(i, "auth", n => ["auth", "add", $"0A{i:X2}{n:X4}"], stop.Token),
                WriteLoopAsync(i, "config", n => ["config", "set", "OCPPCommCtrlr/HeartbeatInterval", (300 + n).ToString(CultureInfo.InvariantCulture)], stop.Token),
            };
            var observed = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (await ChargerctlRun.RunAsync("--socket", rig.Socket, "status", "--json") is { ExitCode: 0 } r)
                    {
                        Volatile.Write(ref depthBefore, Math.Max(Volatile.Read(ref depthBefore), JsonDocument.Parse(r.Output).RootElement.GetProperty("queueDepth").GetInt32()));
                    }
                }
            });
            await Task.Delay(random.Next(200, 1500));
            await chargerd.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll([.. burst, observed]);
        }

        await using (var final = await rig.StartChargerdAsync())
        {
            var depth = (await rig.Ctl.StatusAsync()).GetProperty("queueDepth").GetInt32();
            Assert.True(depth >= depthBefore && depth > 0, $"queue depth {depth}, {depthBefore} reported before the last kill");
            output.WriteLine($"queue depth {depth} after 5 kills");
            final.Terminate();
            var code = await final.WaitForExitAsync(ChargerdRig.Timeout);
            Assert.True(code == 0, $"chargerd exited {code} on SIGTERM: {final.StandardError}");
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(rig.StateDir, ChargerController.Storage.StationDatabase.FileName)};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar() as string);

        async Task WriteLoopAsync(int life, string what, Func<int, string[]> command, CancellationToken cancellationToken)
        {
            for (var n = 0; !cancellationToken.IsCancellationRequested; n++)
            {
                // Exit codes are not checked: the kill lands in the middle of some of these commands.
                _ = await ChargerctlRun.RunAsync(["--socket", rig.Socket, .. command(n)]);
            }

            output.WriteLine($"life {life}: {what} loop stopped");
        }
    }

    /// <summary>One EVSE's user: plug, tap, charge a while, sometimes stop by card, unplug; until cancelled (the kill).</summary>
    private static async Task DriveAsync(ChargerdRig rig, int evse, string card, Random random, CancellationToken cancellationToken)
    {
        var id = evse.ToString(CultureInfo.InvariantCulture);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Exit codes are not checked: an EVSE already plugged (a card for the other EVSE was faster) or a kill
                // in the middle of a command are part of the game; what counts is what the CSMS receives.
                await ChargerctlRun.RunAsync("--socket", rig.Socket, "sim", "plug", id);
                await Task.Delay(random.Next(50, 200), cancellationToken);
                await ChargerctlRun.RunAsync("--socket", rig.Socket, "sim", "tap", card);
                await Task.Delay(random.Next(300, 1500), cancellationToken);
                if (random.Next(3) == 0)
                {
                    await ChargerctlRun.RunAsync("--socket", rig.Socket, "sim", "tap", card);
                    await Task.Delay(random.Next(50, 200), cancellationToken);
                }

                await ChargerctlRun.RunAsync("--socket", rig.Socket, "sim", "unplug", id);
                await Task.Delay(random.Next(50, 300), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The kill.
        }
    }

    private static JsonElement Payload(ChargerController.Testing.Csms.RecordedFrame frame) => frame.Json!.Value[3];

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(ChargerdRig.Timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"no {what} within {ChargerdRig.Timeout}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
