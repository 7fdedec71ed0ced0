using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Tls;

namespace ChargerController.Ocpp.Tests.Transport;

public sealed class WebSocketTransportOptionsTests
{
    [Theory]
    [InlineData("ws://csms.example.com/ocpp", "CS001", "ws://csms.example.com/ocpp/CS001")]
    [InlineData("wss://csms.example.com/ocppj", "RDAM|123", "wss://csms.example.com/ocppj/RDAM%7C123")]
    [InlineData("wss://csms.example.com/ocppj/", "a b/c", "wss://csms.example.com/ocppj/a%20b%2Fc")]
    [InlineData("ws://10.0.0.1:9000", "CS1", "ws://10.0.0.1:9000/CS1")]
    public void BuildConnectionUri_Part4Section311Examples(string endpoint, string station, string expected)
    {
        Assert.Equal(expected, WebSocketOcppTransport.BuildConnectionUri(new Uri(endpoint), station).AbsoluteUri);
    }

    [Fact]
    public void Validate_ProfileMismatchesAndMissingSecrets_Reported()
    {
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("wss://x/ocpp"), StationId = "CS1", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "p" }), p => p.Contains("ws://", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("ws://x/ocpp"), StationId = "CS1", BasicAuthPassword = "p", CsmsRootCertificates = [] }), p => p.Contains("wss://", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("wss://x/ocpp"), StationId = "CS1" }), p => p.Contains("BasicAuthPassword", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("wss://x/ocpp"), StationId = "CS1", SecurityProfile = SecurityProfile.TlsWithClientSideCertificates }), p => p.Contains("ClientCertificate", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("ws://x/ocpp"), StationId = "CS:1", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "p" }), p => p.Contains("':'", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("ws://u:secret@x/ocpp"), StationId = "CS1", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "p" }), p => p.Contains("credentials", StringComparison.Ordinal));
        Assert.Contains(Problems(new() { CsmsUrl = new Uri("ws://x/ocpp"), StationId = new string('x', 49), SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "p" }), p => p.Contains("48", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CompleteProfiles_NoProblems()
    {
        using var certs = TestCertificates.Create();
        Assert.Empty(Problems(new() { CsmsUrl = new Uri("ws://x/ocpp"), StationId = "CS1", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "0123456789abcdef" }));
        Assert.Empty(Problems(new() { CsmsUrl = new Uri("wss://x/ocpp"), StationId = "CS1", BasicAuthPassword = "0123456789abcdef", CsmsRootCertificates = [certs.Ca] }));
        Assert.Empty(Problems(new() { CsmsUrl = new Uri("wss://x/ocpp"), StationId = "CS1", SecurityProfile = SecurityProfile.TlsWithClientSideCertificates, ClientCertificate = certs.Client, CsmsRootCertificates = new X509Certificate2Collection(certs.Ca) }));
    }

    [Fact]
    public void ToString_NeverContainsPassword()
    {
        var options = new WebSocketTransportOptions { CsmsUrl = new Uri("ws://x/ocpp"), StationId = "CS1", BasicAuthPassword = "TopSecretPassword123" };
        Assert.DoesNotContain("TopSecret", options.ToString(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(WebSocketTransportOptions options) => options.Validate();
}
