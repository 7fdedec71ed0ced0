using System.Text.Json;
using ChargerController.IntegrationTests.Worker;
using ChargerController.Testing.Csms;

namespace ChargerController.IntegrationTests.CrashSafety;

/// <summary>
/// The real chargerd (<c>--simulate</c>) on one state directory and one control socket, against the loopback CSMS test
/// double, started again and again on the same state as systemd would after a crash. Sampling and retry intervals are
/// shortened through the configuration file's DeviceModel section so a kill lands between many events in seconds.
/// </summary>
internal sealed class ChargerdRig : IAsyncDisposable
{
    public const string Password = "0123456789abcdef0123";
    public static readonly TimeSpan Timeout = ProcessWait.Timeout;

    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-crash").FullName;
    private readonly int evses;

    private ChargerdRig(LoopbackCsms csms, int evses, IReadOnlyDictionary<string, string> deviceModel)
    {
        Csms = csms;
        this.evses = evses;
        File.WriteAllText(PasswordFile, Password);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var model = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // A meter sample every second inside the transaction (E02 Updated, J02), a queued TransactionEvent retried
            // after 1 s, no clock-aligned data: every second of a life puts something in the queue.
            ["SampledDataCtrlr/TxUpdatedInterval"] = "1",
            ["AlignedDataCtrlr/Interval"] = "0",
            ["OCPPCommCtrlr/MessageAttemptInterval[TransactionEvent]"] = "1",
            ["OCPPCommCtrlr/HeartbeatInterval"] = "300",

            // Reconnect 1 s after a dropped connection (then 2, 4 … s) instead of 10–20 s (Part 4 §5.4).
            ["OCPPCommCtrlr/RetryBackOffWaitMinimum"] = "1",
            ["OCPPCommCtrlr/RetryBackOffRandomRange"] = "0",

            // Offline the station still starts charging for any card (C15), so offline lives queue transactions too.
            ["AuthCtrlr/OfflineTxForUnknownIdEnabled"] = "true",
            ["AuthCtrlr/LocalAuthorizeOffline"] = "true",
        };
        foreach (var (key, value) in deviceModel)
        {
            model[key] = value;
        }

        var config = new Dictionary<string, object>
        {
            ["Chargerd"] = new Dictionary<string, string> { ["BasicAuthPasswordFile"] = PasswordFile },
            ["DeviceModel"] = model,
            ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, string> { ["Default"] = "Warning" } },
        };
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(config));
    }

    public LoopbackCsms Csms { get; }

    public string StateDir => Path.Combine(dir, "state");

    public string Socket => Path.Combine(dir, "control.sock");

    public ControlSocketClient Ctl => new(Socket);

    private string PasswordFile => Path.Combine(dir, "basic-auth-password");

    private string ConfigFile => Path.Combine(dir, "chargercontroller.json");

    /// <summary>Frames every TransactionEvent CALL the CSMS received, every session, in arrival order.</summary>
    public IReadOnlyList<RecordedFrame> TransactionEvents =>
        [.. Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "TransactionEvent")];

    public static async Task<ChargerdRig> StartAsync(int evses = 1, IReadOnlyDictionary<string, string>? deviceModel = null)
    {
        var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = Password });
        string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        csms.Respond("BootNotification", _ => $$"""{"currentTime":"{{Now()}}","interval":300,"status":"Accepted"}""");
        csms.Respond("Heartbeat", _ => $$"""{"currentTime":"{{Now()}}"}""");
        csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"}}""");
        csms.Respond("TransactionEvent", """{"idTokenInfo":{"status":"Accepted"}}""");
        foreach (var action in new[] { "StatusNotification", "NotifyReport", "SecurityEventNotification", "NotifyEvent", "MeterValues", "LogStatusNotification", "FirmwareStatusNotification" })
        {
            csms.Respond(action, "{}");
        }

        return new ChargerdRig(csms, evses, deviceModel ?? new Dictionary<string, string>());
    }

    /// <summary>Starts chargerd on the rig's state directory and waits for its control socket.</summary>
    public async Task<ChargerdProcess> StartChargerdAsync(bool waitForSocket = true)
    {
        // A SIGKILLed chargerd leaves its socket file behind; the next one must replace it (as after a real crash).
        var chargerd = ChargerdProcess.Start(
            "--config", ConfigFile, "--simulate", "--evses", evses.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--csms-url", Csms.Endpoint.ToString(), "--station-id", "CC-CRASH-1",
            "--state-dir", StateDir, "--control-socket", Socket);
        if (waitForSocket)
        {
            await WaitForStatusAsync(chargerd);
        }

        return chargerd;
    }

    /// <summary>Waits until this chargerd answers <c>chargerctl status</c> (a stale socket of the killed one does not count).</summary>
    public async Task WaitForStatusAsync(ChargerdProcess chargerd)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            Assert.False(chargerd.HasExited, $"chargerd exited: {chargerd.StandardError}");
            if (File.Exists(Socket) && (await ChargerctlRun.RunAsync("--socket", Socket, "status", "--json")).ExitCode == 0)
            {
                return;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Plugs the EV into <paramref name="evse"/>, taps <paramref name="card"/> and waits for the contactor to close.</summary>
    public async Task ChargeAsync(int evse, string card)
    {
        await Ctl.RunAsync("sim", "plug", evse.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Ctl.EvseWhenAsync(evse, e => e.GetProperty("connectorStatus").GetString() == "Occupied");
        await Ctl.RunAsync("sim", "tap", card);
        await Ctl.EvseWhenAsync(evse, e => e.GetProperty("contactorClosed").GetBoolean());
    }

    public async ValueTask DisposeAsync()
    {
        await Csms.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }
}
