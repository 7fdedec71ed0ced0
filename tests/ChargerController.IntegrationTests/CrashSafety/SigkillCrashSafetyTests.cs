using System.Globalization;
using System.Text.Json;
using ChargerController.Testing.Csms;
using Xunit.Abstractions;

namespace ChargerController.IntegrationTests.CrashSafety;

/// <summary>
/// The billing-data promise under SIGKILL (issue 7, house rule 14): a station process (simulated hardware, real SQLite
/// file, the real OCPP runtime and transaction block) charges on its own while the test kills it at random moments,
/// restarts it on the same state directory and drops its CSMS connection now and then. From the CSMS side: every
/// transaction has exactly one Started and one Ended, seqNo 0..n without a gap, duplicates are byte-identical, the
/// energy register never goes down, transactionIds are real UUIDs.
///
/// The station command line is one parameter: <c>CRASH_HOST_COMMAND</c> (default: <c>dotnet ChargerController.CrashHost.dll</c>
/// beside the tests); the test appends <c>--csms URL --state DIR</c>, so chargerd can take its place once it composes
/// the transaction block. Longer run (the CI run does 50 kills in about a minute):
/// <c>CRASH_KILLS=1000 CRASH_SEED=7 dotnet test tests/ChargerController.IntegrationTests --filter FullyQualifiedName~SigkillCrashSafety</c>.
/// </summary>
public sealed class SigkillCrashSafetyTests
{
    private const string Password = "0123456789abcdef";
    private readonly ITestOutputHelper _output;

    public SigkillCrashSafetyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task RandomSigkills_WithConnectionDrops_NoTransactionEventLostDuplicatedDifferentlyOrOutOfSequence()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CRASH_KILLS"), out var k) ? k : 50;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var s) ? s : Environment.TickCount;
        var command = Environment.GetEnvironmentVariable("CRASH_HOST_COMMAND") ?? "dotnet " + Path.Combine(AppContext.BaseDirectory, "ChargerController.CrashHost.dll");
        _output.WriteLine($"kills {kills}, seed {seed}, command {command}");
        var random = new Random(seed);
        var state = Directory.CreateTempSubdirectory("crash-safety-").FullName;
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = Password });
        Script(csms);
        string[] Args(params string[] more) => ["--csms", csms.Endpoint.ToString(), "--state", state, "--seed", random.Next().ToString(CultureInfo.InvariantCulture), .. more];
        try
        {
            for (var i = 0; i < kills; i++)
            {
                using var station = StationProcess.Start(command, Args());

                // Half the kills fall anywhere (start-up, migration, boot), half while sessions run.
                if (random.Next(2) == 0)
                {
                    await station.WaitForOutputAsync(o => o.Contains("STARTED", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
                }

                var life = TimeSpan.FromMilliseconds(random.Next(50, 1200));
                if (random.Next(4) == 0)
                {
                    // A connection drop inside this life: the station reconnects and replays its queue.
                    await Task.Delay(life / 2);
                    csms.Current?.Abort();
                    await Task.Delay(life / 2);
                }
                else
                {
                    await Task.Delay(life);
                }

                Assert.False(station.HasExited, "the station died on its own: " + station.Output);
                station.KillHard();
            }

            // Last start without new sessions: open transactions end (PowerLoss) and the queue drains.
            using var last = StationProcess.Start(command, Args("--no-sessions"));
            Assert.True(
                await last.WaitForOutputAsync(o => o.Contains("IDLE", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
                "the queue did not drain: " + last.Output);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }

        Verify(csms);
    }

    private static void Script(LoopbackCsms csms)
    {
        csms.Respond("BootNotification", """{"currentTime":"2026-01-01T12:00:00Z","interval":300,"status":"Accepted"}""");
        csms.Respond("Heartbeat", """{"currentTime":"2026-01-01T12:00:00Z"}""");
        foreach (var action in new[] { "StatusNotification", "NotifyReport", "SecurityEventNotification", "NotifyEvent", "TransactionEvent", "MeterValues" })
        {
            csms.Respond(action, "{}");
        }
    }

    private void Verify(LoopbackCsms csms)
    {
        var events = csms.Frames
            .Where(f => f.Direction == FrameDirection.FromStation && f.Action == "TransactionEvent")
            .Select(f => f.Json!.Value[3])
            .ToList();
        Assert.NotEmpty(events);
        var byTransaction = events.GroupBy(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!).ToList();
        var evseOf = new Dictionary<string, int>();
        var duplicates = 0;
        foreach (var tx in byTransaction)
        {
            Assert.True(Guid.TryParse(tx.Key, out var id) && id != Guid.Empty, $"transactionId '{tx.Key}' is not a real id");
            var bySeq = tx.GroupBy(e => e.GetProperty("seqNo").GetInt32()).OrderBy(g => g.Key).ToList();
            foreach (var same in bySeq)
            {
                var texts = same.Select(e => e.GetRawText()).Distinct().ToList();
                Assert.True(texts.Count == 1, $"transaction {tx.Key} seqNo {same.Key}: duplicates differ:\n{string.Join('\n', texts)}");
                duplicates += same.Count() - 1;
            }

            var unique = bySeq.Select(g => g.First()).ToList();
            Assert.Equal(Enumerable.Range(0, unique.Count), unique.Select(e => e.GetProperty("seqNo").GetInt32()));
            Assert.Equal(1, unique.Count(e => e.GetProperty("eventType").GetString() == "Started"));
            Assert.Equal(1, unique.Count(e => e.GetProperty("eventType").GetString() == "Ended"));
            Assert.Equal("Started", unique[0].GetProperty("eventType").GetString());
            Assert.Equal("Ended", unique[^1].GetProperty("eventType").GetString());
            evseOf[tx.Key] = unique[0].GetProperty("evse").GetProperty("id").GetInt32();
        }

        // The import register of each EVSE's meter never goes down, across transactions and restarts.
        foreach (var evse in evseOf.Values.Distinct())
        {
            var register = events
                .Where(e => evseOf[e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!] == evse && e.TryGetProperty("meterValue", out _))
                .SelectMany(e => e.GetProperty("meterValue").EnumerateArray())
                .SelectMany(mv => mv.GetProperty("sampledValue").EnumerateArray().Select(sv => (At: mv.GetProperty("timestamp").GetDateTimeOffset(), Sample: sv)))
                .Where(x => !x.Sample.TryGetProperty("measurand", out var m) || m.GetString() == "Energy.Active.Import.Register")
                .Select(x => (x.At, Value: x.Sample.GetProperty("value").GetDecimal()))
                .OrderBy(x => x.At)
                .ThenBy(x => x.Value)
                .ToList();
            for (var i = 1; i < register.Count; i++)
            {
                Assert.True(register[i].Value >= register[i - 1].Value, $"EVSE {evse}: register went down from {register[i - 1]} to {register[i]}");
            }
        }

        _output.WriteLine($"{byTransaction.Count} transactions, {events.Count} TransactionEvents received, {duplicates} duplicates (identical)");
    }
}
