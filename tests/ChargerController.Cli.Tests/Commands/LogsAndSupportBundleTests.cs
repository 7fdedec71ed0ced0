using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using ChargerController.Cli.Commands.SupportBundle;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Tests.Commands;

/// <summary><c>logs</c> and <c>support-bundle</c> with a stand-in journalctl (a real executable script) and a fake chargerd.</summary>
public sealed class LogsAndSupportBundleTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chargerctl-logs").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Logs_PassesUnitLinesAndFollow_ToJournalctl_AndStreamsItsOutput()
    {
        var journalctl = Script("journalctl", "echo \"ARGS $*\"\necho \"<6>line two\"");

        var (code, output, _) = await Ctl.RunAsync(["logs", "-n", "20", "--json"], journalctl: journalctl);

        Assert.Equal(0, code);
        Assert.Equal(["ARGS -u chargercontroller --no-pager -n 20 -o json", "<6>line two"], output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Logs_WithoutJournalctl_Exit10_WithClearMessage()
    {
        var (code, _, error) = await Ctl.RunAsync(["logs"], journalctl: Path.Combine(dir, "no-such-journalctl"));

        Assert.Equal(10, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_JournalctlFails_Exit10_WithItsMessageAndAHint()
    {
        var journalctl = Script("journalctl", "echo 'No journal files were opened due to insufficient permissions.' >&2\nexit 1");

        var (code, _, error) = await Ctl.RunAsync(["logs"], journalctl: journalctl);

        Assert.Equal(10, code);
        Assert.Contains("insufficient permissions", error, StringComparison.Ordinal);
        Assert.Contains("systemd-journal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportBundle_CollectsStatusConfigQueueDatabaseVersionsJournal_RedactsSecrets()
    {
        var journalctl = Script("journalctl", "echo '2026-01-01T00:00:00+0000 pi chargerd[1]: <6>started'");
        var config = Path.Combine(dir, "chargercontroller.json");
        File.WriteAllText(config, """{"Chargerd":{"StationId":"CC-1","CsmsUrl":"ws://user:hunter2@csms/ocpp","BasicAuthPassword":"supersecret"}}""");
        await using var chargerd = new FakeChargerd(r => r.Command switch
        {
            ControlCommands.Status => FakeChargerd.Status(new StationStatus(true, "ocpp2.1", "Accepted", 0, [], true, "9.8.7")),
            ControlCommands.AuthList => FakeChargerd.Fail(ControlErrorCodes.NotAvailable, "no list"),
            _ => new ControlResponse(true, JsonDocument.Parse("""{"x":1}""").RootElement.Clone()),
        });
        var archive = Path.Combine(dir, "bundle.tar.gz");

        var (code, output, _) = await Ctl.RunAsync(["support-bundle", "--output", archive, "--config", config, "--json", "--socket", chargerd.SocketPath], journalctl: journalctl);

        Assert.Equal(0, code);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(archive, result.GetProperty("path").GetString());
        Assert.Equal(0, result.GetProperty("warnings").GetArrayLength());
        var files = ReadArchive(archive);
        Assert.Equal(
            ["chargercontroller.json", "config-values.json", "database.json", "journal.txt", "queue-list.json", "queue-stats.json", "status.json", "versions.txt"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("\"version\":\"9.8.7\"", files["status.json"], StringComparison.Ordinal);
        Assert.Contains("chargerd:   9.8.7", files["versions.txt"], StringComparison.Ordinal);
        Assert.Contains("<6>started", files["journal.txt"], StringComparison.Ordinal);
        Assert.DoesNotContain("supersecret", files["chargercontroller.json"], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", files["chargercontroller.json"], StringComparison.Ordinal);
        Assert.Contains("CC-1", files["chargercontroller.json"], StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
    }

    [Fact]
    public async Task SupportBundle_ChargerdDownAndNoJournal_StillWritesBundle_WithWarnings()
    {
        var archive = Path.Combine(dir, "bundle.tar.gz");

        var (code, _, error) = await Ctl.RunAsync(
            ["support-bundle", "--output", archive, "--config", Path.Combine(dir, "missing.json"), "--socket", Path.Combine(dir, "none.sock")],
            journalctl: Path.Combine(dir, "no-journalctl"));

        Assert.Equal(0, code);
        var files = ReadArchive(archive);
        Assert.Contains("versions.txt", files.Keys);
        Assert.Contains("cannot connect to chargerd", files["warnings.txt"], StringComparison.Ordinal);
        Assert.Contains("no journal", files["warnings.txt"], StringComparison.Ordinal);
        Assert.Contains("missing.json", files["warnings.txt"], StringComparison.Ordinal);
        Assert.Contains("warning:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportBundle_ExistingOutput_IsNeverOverwritten_Exit1()
    {
        var archive = Path.Combine(dir, "bundle.tar.gz");
        File.WriteAllText(archive, "keep");

        var (code, _, _) = await Ctl.RunAsync(["support-bundle", "--output", archive, "--socket", Path.Combine(dir, "none.sock")], journalctl: Path.Combine(dir, "x"));

        Assert.Equal(1, code);
        Assert.Equal("keep", File.ReadAllText(archive));
    }

    [Theory]
    [InlineData("""{"a":{"Password":"pw-123","list":[{"apiKey":"key-456"}],"n":1}}""", "pw-123", "key-456")]
    [InlineData("""{"Url":"wss://id:pw@host/x","PrivateKeyFile":"/etc/key.pem"}""", "pw", "/etc/key.pem")]
    public void ConfigRedactor_ReplacesSecretsAtAnyDepth(string json, string secret1, string secret2)
    {
        var redacted = ConfigRedactor.Redact(json);
        Assert.DoesNotContain(secret1, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(secret2, redacted, StringComparison.Ordinal);
        Assert.Contains(ConfigRedactor.Marker, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigRedactor_NotJson_WithholdsEverything() =>
        Assert.DoesNotContain("pw=1", ConfigRedactor.Redact("pw=1"), StringComparison.Ordinal);

    private static Dictionary<string, string> ReadArchive(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!);
            files[entry.Name[(entry.Name.IndexOf('/', StringComparison.Ordinal) + 1)..]] = reader.ReadToEnd();
        }

        return files;
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
