using ChargerController.Ocpp.Transport;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Security profile 3 with a client certificate and its renewal (A00, A02) over real TLS with a test CA generated here.</summary>
public sealed class CertificateRenewalTests : IDisposable
{
    private readonly TestCertificates _certificates = SecuritySetup.CreateCertificates();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task TC_A_07_CS()
    {
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());

        var attempt = h.Csms.Attempts.Single(a => a.StatusCode == 101);
        Assert.Contains("CN=CS001", attempt.ClientCertificateSubject, StringComparison.Ordinal);

        // Profile 3 authenticates by certificate only: no Basic-auth header (A00.FR.402).
        Assert.Null(attempt.Authorization);
        Assert.Equal("3", h.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("SecurityCtrlr", "SecurityProfile")));
    }

    [Fact]
    public async Task TC_A_11_CS()
    {
        var store = new InMemoryCertificateStore();
        await using var h = await StartProfile3Async(store);
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");

        var trigger = await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());
        var sign = (await h.Session.WaitForCallAsync("SignCertificate")).Json!.Value[3];

        // A02.FR.02/03: a PEM CSR (RFC 2986) for a new EC key, with the requestId the answer must carry (2.1).
        var csr = sign.GetProperty("csr").GetString()!;
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", csr, StringComparison.Ordinal);
        Assert.Equal("ChargingStationCertificate", sign.GetProperty("certificateType").GetString());
        var requestId = sign.GetProperty("requestId").GetInt32();
        var chain = SecuritySetup.SignCsr(csr, _certificates.Ca);

        var signed = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(chain)}},"certificateType":"ChargingStationCertificate","requestId":{{requestId}}}""");
        Assert.Equal("Accepted", signed[2].GetProperty("status").GetString());

        // A02.FR.08: the station reconnects with the new certificate at once.
        var second = await h.Csms.WaitForSessionAsync(2);
        var attempt = h.Csms.Attempts.Where(a => a.StatusCode == 101).Last();
        Assert.Equal("CN=CS001, O=ChargerController", attempt.ClientCertificateSubject);
        Assert.DoesNotContain(second.FromStation, f => f.Action == "BootNotification");
        Assert.Null(store.LoadKey("PendingChargingStationKey"));
    }

    [Fact]
    public async Task CertificateSigned_AfterReboot_StillMatchesPendingRequest()
    {
        var store = new InMemoryCertificateStore();
        await using var h = await StartProfile3Async(store);
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");
        await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        var sign = (await h.Session.WaitForCallAsync("SignCertificate")).Json!.Value[3];

        // Power cut between SignCertificate and CertificateSigned: the key and the requestId were stored first.
        await h.RestartAsync(Ocpp.Enums.BootReasonEnumType.PowerUp);
        var chain = SecuritySetup.SignCsr(sign.GetProperty("csr").GetString()!, _certificates.Ca);
        var signed = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(chain)}},"requestId":{{sign.GetProperty("requestId").GetInt32()}}}""");

        Assert.Equal("Accepted", signed[2].GetProperty("status").GetString());
        Assert.NotNull(store.LoadKey(CertificateUse.ChargingStation));
    }

    [Fact]
    public async Task StationCertificate_WithinAMonthOfExpiry_RenewedByTheStation()
    {
        var store = new InMemoryCertificateStore();
        using var client = SecuritySetup.IssueClient(_certificates.Ca, "CN=CS001, O=ChargerController Test");
        SecuritySetup.Provision(store, _certificates.Ca, client);
        var harnessExpiry = client.NotAfter.ToUniversalTime();
        await using var h = await StationHarness.StartAsync(setup: SecuritySetup.Create(
            store,
            SecurityProfile.TlsWithClientSideCertificates,
            new LoopbackCsmsOptions { ServerCertificate = _certificates.Server, ClientCertificateCa = _certificates.Ca }));
        await h.WaitAcceptedAsync();
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");
        Assert.Empty(h.Calls("SignCertificate"));

        // Far from expiry nothing happens; 30 days before it the station asks for a new certificate on its own.
        var manager = SecuritySetup.Certificates(h);
        Assert.False(await manager.RenewIfExpiringAsync(CancellationToken.None));
        h.Time.SetUtcNow(new DateTimeOffset(harnessExpiry.AddDays(-29), TimeSpan.Zero));
        await h.AdvanceUntilAsync(() => h.Calls("SignCertificate").Count >= 1, TimeSpan.FromHours(6), TimeSpan.FromDays(3));

        Assert.Equal("ChargingStationCertificate", h.Calls("SignCertificate")[0].GetProperty("certificateType").GetString());
    }

    [Fact]
    public async Task TC_A_14_CS()
    {
        using var other = SecuritySetup.CreateCertificates();
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");
        await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        var sign = (await h.Session.WaitForCallAsync("SignCertificate")).Json!.Value[3];

        // Signed by a CA the station does not trust.
        var chain = SecuritySetup.SignCsr(sign.GetProperty("csr").GetString()!, other.Ca);
        var signed = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(chain)}},"certificateType":"ChargingStationCertificate"}""");

        Assert.Equal("Rejected", signed[2].GetProperty("status").GetString());
        var frame = await h.Session.WaitForFrameAsync(f => f.Action == "SecurityEventNotification"
            && f.Json!.Value[3].GetProperty("type").GetString() == CertificateManager.InvalidChargingStationCertificate);
        Assert.NotNull(frame);
        Assert.Single(h.Csms.Sessions);
    }

    [Fact]
    public async Task CertificateSigned_ForeignKeyOrUnknownRequestId_Rejected()
    {
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");
        await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        var sign = (await h.Session.WaitForCallAsync("SignCertificate")).Json!.Value[3];
        using var foreign = SecuritySetup.IssueClient(_certificates.Ca, "CN=CS001, O=Someone Else");

        var wrongKey = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(foreign.ExportCertificatePem())}}}""");
        var chain = SecuritySetup.SignCsr(sign.GetProperty("csr").GetString()!, _certificates.Ca);
        var wrongId = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(chain)}},"requestId":{{sign.GetProperty("requestId").GetInt32() + 100}}}""");

        Assert.Equal("Rejected", wrongKey[2].GetProperty("status").GetString());
        Assert.Equal("Rejected", wrongId[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_A_15_CS()
    {
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());
        h.Csms.Respond("SignCertificate", """{"status":"Rejected"}""");
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "CertSigningWaitMinimum", "10"));

        var trigger = await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        await h.Session.WaitForCallAsync("SignCertificate");
        for (var i = 0; i < 12; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(10);
        }

        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());

        // A rejected request is not repeated (A02.FR.17 only covers a missing CertificateSigned after Accepted).
        Assert.Single(h.Calls("SignCertificate"));
    }

    [Fact]
    public async Task TC_A_23_CS()
    {
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());
        h.Csms.Respond("SignCertificate", """{"status":"Accepted"}""");
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "CertSigningWaitMinimum", "30"));
        await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("SecurityCtrlr", "CertSigningRepeatTimes", "2"));
        await h.Session.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        await h.Session.WaitForCallAsync("SignCertificate");
        var start = h.Time.GetUtcNow();

        // A02.FR.17-19: not before 30 s, resent then, again after 60 s more, then never again.
        h.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200);
        Assert.Single(h.Calls("SignCertificate"));
        await h.AdvanceUntilDueAsync(() => h.Calls("SignCertificate").Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.InRange(h.Time.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
        var second = h.Time.GetUtcNow();
        h.Time.Advance(TimeSpan.FromSeconds(55));
        await Task.Delay(200);
        Assert.Equal(2, h.Calls("SignCertificate").Count);
        await h.AdvanceUntilDueAsync(() => h.Calls("SignCertificate").Count >= 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
        Assert.InRange(h.Time.GetUtcNow() - start, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(100));
        Assert.True(h.Time.GetUtcNow() - second >= TimeSpan.FromSeconds(55));
        for (var i = 0; i < 30; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(5);
        }

        Assert.Equal(3, h.Calls("SignCertificate").Count);
        var csr = h.Calls("SignCertificate")[^1].GetProperty("csr").GetString()!;
        var signed = await h.Session.CallAsync("CertificateSigned", $$"""{"certificateChain":{{SecuritySetup.Json(SecuritySetup.SignCsr(csr, _certificates.Ca))}}}""");
        Assert.Equal("Accepted", signed[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeleteCertificate_LastCsmsRootInUse_Failed()
    {
        await using var h = await StartProfile3Async(new InMemoryCertificateStore());
        var hash = (await h.Session.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}"""))[2]
            .GetProperty("certificateHashDataChain")[0].GetProperty("certificateHashData");

        var delete = await h.Session.CallAsync("DeleteCertificate", "{\"certificateHashData\":" + hash.GetRawText() + "}");

        Assert.Equal("Failed", delete[2].GetProperty("status").GetString());
    }

    private Task<StationHarness> StartProfile3Async(InMemoryCertificateStore store) => SecuritySetup.StartProfile3Async(_certificates, store);
}
