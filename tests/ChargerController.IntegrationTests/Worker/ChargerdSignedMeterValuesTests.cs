using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// The real chargerd with simulated hardware: signed meter values switched on from chargerctl sign the transaction's
/// register values with the simulated meter's key, kept in the state directory; the Master Pass UI answers only while
/// a prompt is open.
/// </summary>
public sealed class ChargerdSignedMeterValuesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;
    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-signed").FullName;

    private string Socket => Path.Combine(dir, "control.sock");

    private ControlSocketClient Ctl => new(Socket);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Simulate_SignReadingsOn_QueuedEventsCarrySignedRegister_KeyInStateDir()
    {
        await using (var chargerd = ChargerdProcess.Start("--simulate", "--control-socket", Socket, "--state-dir", dir))
        {
            await ControlSocketClient.WaitForSocketAsync(chargerd, Socket, Timeout);

            // No master pass was presented: nothing to answer (exit code 8, refused).
            var refused = await ChargerctlRun.RunAsync("--socket", Socket, "sim", "masterpass", "all");
            Assert.Equal(8, refused.ExitCode);
            Assert.Contains("no Master Pass UI is open", refused.Error, StringComparison.Ordinal);

            await Ctl.RunAsync("config", "set", "SampledDataCtrlr/SignReadings", "true");
            await Ctl.RunAsync("sim", "plug", "1");
            await Ctl.RunAsync("sim", "tap", "04A1B2C3");
            await Ctl.EvseWhenAsync(1, e => e.GetProperty("energyWh").GetDouble() > 0);
            await Ctl.RunAsync("evse", "stop", "1");
            await Ctl.EvseWhenAsync(1, e => e.GetProperty("transactionId").ValueKind == JsonValueKind.Null);

            // Offline (no CSMS): the Ended event waits in the durable queue.
            await WaitForQueuedAsync("TransactionEnded");
            chargerd.Terminate();
            Assert.Equal(0, await chargerd.WaitForExitAsync(Timeout));
        }

        Assert.True(File.Exists(Path.Combine(dir, "simulated-meter-1-signing-key.pem")), "the meter's key is kept in the state directory");
        var events = QueuedPayloads("TransactionEvent");
        var started = events.Single(e => e.GetProperty("eventType").GetString() == "Started");
        var ended = events.Single(e => e.GetProperty("eventType").GetString() == "Ended");
        foreach (var (e, context) in new[] { (started, "Transaction.Begin"), (ended, "Transaction.End") })
        {
            var sample = e.GetProperty("meterValue").EnumerateArray().SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
                .Single(s => s.GetProperty("context").GetString() == context);
            var signed = sample.GetProperty("signedMeterValue");
            Assert.Equal("OCMF", signed.GetProperty("encodingMethod").GetString());
            Assert.Equal("ECDSA-secp256r1-SHA256", signed.GetProperty("signingMethod").GetString());
            Assert.StartsWith("OCMF|", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(signed.GetProperty("signedMeterData").GetString()!)), StringComparison.Ordinal);
        }

        // OncePerTransaction (the default): the key goes with the first signed value only.
        Assert.StartsWith("oca:base16:asn1:", started.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("signedMeterValue").GetProperty("publicKey").GetString(), StringComparison.Ordinal);
    }

    private async Task WaitForQueuedAsync(string kind)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var list = await ChargerctlRun.RunAsync("--socket", Socket, "queue", "list", "--json");
            Assert.Equal(0, list.ExitCode);
            if (JsonDocument.Parse(list.Output).RootElement.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("kind").GetString() == kind))
            {
                return;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    private List<JsonElement> QueuedPayloads(string action)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, ChargerController.Storage.StationDatabase.FileName)};Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT CAST(payload AS TEXT) FROM outbound_queue WHERE action = $action ORDER BY seq";
        query.Parameters.AddWithValue("$action", action);
        using var reader = query.ExecuteReader();
        var payloads = new List<JsonElement>();
        while (reader.Read())
        {
            using var document = JsonDocument.Parse(reader.GetString(0));
            payloads.Add(document.RootElement.Clone());
        }

        return payloads;
    }
}
