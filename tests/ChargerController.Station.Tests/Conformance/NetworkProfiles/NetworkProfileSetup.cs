using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Testing.Csms;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>Harness wiring with the network profile block: slot 0 = the harness CSMS, the transport asks the block for every attempt.</summary>
internal static class NetworkProfileSetup
{
    public const string Password = "0123456789abcdef";

    /// <summary>The harness's virtual start time: test certificates must be valid then, not at the real time.</summary>
    public static readonly DateTimeOffset HarnessStart = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static HarnessSetup Create(
        ITlsCredentialSource? credentials = null,
        LoopbackCsmsOptions? csms = null,
        SecurityProfile profile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
        X509Certificate2Collection? transportRoots = null,
        TimeSpan? backOff = null,
        Action<StationHarness>? beforeModules = null) => new()
    {
        Csms = csms,
        Modules = h =>
        {
            beforeModules?.Invoke(h);
            return [new NetworkProfileManager(h.Model, new NetworkProfileOptions { CsmsUrl = h.Csms.Endpoint, SecurityProfile = profile }, credentials ?? new ConfiguredTlsCredentials(), NullLoggerFactory.Instance)];
        },
        Transport = h => new WebSocketTransportOptions
        {
            CsmsUrl = h.Csms.Endpoint,
            StationId = "CS001",
            SecurityProfile = profile,
            BasicAuthPassword = Password,
            CsmsRootCertificates = transportRoots ?? [],
            RetryBackOffWaitMinimum = backOff ?? TimeSpan.FromSeconds(1),
            RetryBackOffRandomRange = TimeSpan.Zero,
            RetryBackOffRepeatTimes = 0,
            WebSocketPingInterval = TimeSpan.Zero,
            ConnectionTargets = Manager(h),
        },
    };

    public static NetworkProfileManager Manager(StationHarness h) => h.Modules.OfType<NetworkProfileManager>().Single();

    /// <summary>Scripts the answers a second CSMS needs for a station to boot there.</summary>
    public static void ScriptBoot(StationHarness h, LoopbackCsms csms)
    {
        csms.Respond("BootNotification", _ => $$"""{"currentTime":"{{h.CsmsNow()}}","interval":300,"status":"Accepted"}""");
        csms.Respond("Heartbeat", _ => $$"""{"currentTime":"{{h.CsmsNow()}}"}""");
        foreach (var action in new[] { "StatusNotification", "NotifyReport", "SecurityEventNotification", "NotifyEvent" })
        {
            csms.Respond(action, "{}");
        }
    }

    public static string ProfileJson(int slot, Uri url, int securityProfile) =>
        $$$"""{"configurationSlot":{{{slot}}},"connectionData":{"ocppVersion":"OCPP20","ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"{{{url.GetLeftPart(UriPartial.Path)}}}","securityProfile":{{{securityProfile}}}}}""";

    public static string SetVariable(string component, string variable, string value) =>
        $$"""{"setVariableData":[{"component":{"name":"{{component}}"},"variable":{"name":"{{variable}}"},"attributeValue":"{{value}}"}]}""";
}
