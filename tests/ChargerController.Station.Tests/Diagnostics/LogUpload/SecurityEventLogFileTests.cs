using System.Text;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Diagnostics.LogUpload;

namespace ChargerController.Station.Tests.Diagnostics.LogUpload;

/// <summary>The security event log file: owner-only, one line per event, readable by <see cref="FileLogSource"/>.</summary>
public sealed class SecurityEventLogFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-seclog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Append_NewFile_OwnerOnlyNoBomOneLinePerEvent()
    {
        var path = Path.Combine(_folder, "logs", "security.log");
        var log = new SecurityEventLogFile(path);
        log.Append(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), "InvalidCsmsCertificate", "slot 0:\nforged 2025-01-01T00:00:00Z line");
        log.Append(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero), "StartupOfTheDevice", null);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((byte)'2', bytes[0]);
        Assert.Equal(
            "2025-01-01T12:00:00.000Z InvalidCsmsCertificate slot 0: forged 2025-01-01T00:00:00Z line\n2025-01-02T12:00:00.000Z StartupOfTheDevice \n",
            Encoding.UTF8.GetString(bytes));

        var source = new FileLogSource(new Dictionary<LogEnumType, string> { [LogEnumType.SecurityLog] = path });
        var day2 = await source.CollectAsync(new LogQuery(LogEnumType.SecurityLog, new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), null), CancellationToken.None);
        Assert.Equal("2025-01-02T12:00:00.000Z StartupOfTheDevice \n", Encoding.UTF8.GetString(day2.Content.Span));
    }

    [Fact]
    public async Task FileLogSource_MissingFile_EmptyLog()
    {
        var source = new FileLogSource(new Dictionary<LogEnumType, string> { [LogEnumType.DiagnosticsLog] = Path.Combine(_folder, "none.log") });
        var file = await source.CollectAsync(new LogQuery(LogEnumType.DiagnosticsLog, null, null), CancellationToken.None);
        Assert.True(file.Content.IsEmpty);
        Assert.False(source.Supports(LogEnumType.SecurityLog));
    }
}
