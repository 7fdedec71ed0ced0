using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Station.Transfer;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.LogUpload;

/// <summary>A station with the log upload block over real files in a temporary folder.</summary>
internal sealed class LogUploadSetup : IDisposable
{
    public LogUploadSetup(LogUploadHttpMethod method = LogUploadHttpMethod.Put, X509Certificate2Collection? csmsRoots = null)
    {
        Folder = Directory.CreateTempSubdirectory("cc-logs-").FullName;
        DiagnosticsPath = Path.Combine(Folder, "diagnostics.log");
        SecurityPath = Path.Combine(Folder, "security.log");
        Method = method;
        CsmsRoots = csmsRoots;
    }

    public string Folder { get; }

    public string DiagnosticsPath { get; }

    public string SecurityPath { get; }

    public LogUploadHttpMethod Method { get; }

    public X509Certificate2Collection? CsmsRoots { get; }

    public LogUploadManager? Manager { get; private set; }

    public HarnessSetup Harness() => new() { Modules = h => [Create(h)] };

    public LogUploadManager Create(StationHarness h)
    {
        var source = new FileLogSource(new Dictionary<LogEnumType, string>
        {
            [LogEnumType.DiagnosticsLog] = DiagnosticsPath,
            [LogEnumType.SecurityLog] = SecurityPath,
        });
        var roots = CsmsRoots;
        Manager = new LogUploadManager(
            [source],
            [new HttpLogUploader(Method, roots is null ? null : () => [.. roots]), new FtpLogUploader(new TransferServerValidator(roots is null ? null : () => Copy(roots)))],
            new LogUploadOptions { SecurityLog = new SecurityEventLogFile(SecurityPath), DefaultRetries = 0 },
            h.Time,
            NullLoggerFactory.Instance);
        return Manager;
    }

    /// <summary>Fresh copies: the validator disposes what it is given after each handshake (FTPS does two).</summary>
    public static X509Certificate2Collection Copy(X509Certificate2Collection roots) =>
        [.. roots.Select(c => X509CertificateLoader.LoadCertificate(c.RawData))];

    public static string GetLog(int requestId, string logType, string remoteLocation, int? retries = null, int? retryInterval = null)
    {
        var extra = (retries is { } r ? $",\"retries\":{r}" : string.Empty) + (retryInterval is { } i ? $",\"retryInterval\":{i}" : string.Empty);
        return $$"""{"requestId":{{requestId}},"logType":"{{logType}}","log":{"remoteLocation":{{JsonSerializer.Serialize(remoteLocation)}}}{{extra}}}""";
    }

    /// <summary>The LogStatusNotification (status, requestId) pairs sent so far.</summary>
    public static IReadOnlyList<(string Status, int? RequestId)> Statuses(StationHarness h) =>
        [.. h.Calls("LogStatusNotification").Select(c => (
            c.GetProperty("status").GetString()!,
            c.TryGetProperty("requestId", out var id) ? id.GetInt32() : (int?)null))];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
