using System.Text;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Worker.Ocpp;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>The journal as DiagnosticsLog, run against a stand-in journalctl script (a real process, real pipes).</summary>
public sealed class JournalLogSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-journal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Arguments_TimeWindow_EpochSecondsInUtc()
    {
        var query = new LogQuery(LogEnumType.DiagnosticsLog, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            ["-u", "chargercontroller", "--no-pager", "--utc", "-o", "json", "--since=@1735689600", "--until=@1735776000"],
            JournalLogSource.Arguments("chargercontroller", query));
    }

    [Fact]
    public async Task CollectAsync_JournalctlOutput_IsTheLog()
    {
        var script = Script("""printf '{"MESSAGE":"started","PRIORITY":"6"}\n'; printf 'args:%s\n' "$*" """);
        var source = new JournalLogSource("chargercontroller", script);
        var file = await source.CollectAsync(new LogQuery(LogEnumType.DiagnosticsLog, null, null), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("{\"MESSAGE\":\"started\",\"PRIORITY\":\"6\"}\nargs:-u chargercontroller --no-pager --utc -o json\n", Encoding.UTF8.GetString(file.Content.Span));
        Assert.True(source.Supports(LogEnumType.DiagnosticsLog));
        Assert.False(source.Supports(LogEnumType.SecurityLog));
    }

    [Fact]
    public async Task CollectAsync_JournalctlFailsOrMissing_IOException()
    {
        var failing = new JournalLogSource("chargercontroller", Script("echo 'No journal files were found.' >&2; exit 1"));
        var missing = new JournalLogSource("chargercontroller", Path.Combine(_folder, "no-such-journalctl"));

        var error = await Assert.ThrowsAsync<IOException>(() => failing.CollectAsync(new LogQuery(LogEnumType.DiagnosticsLog, null, null), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("No journal files", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => missing.CollectAsync(new LogQuery(LogEnumType.DiagnosticsLog, null, null), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private string Script(string body)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
