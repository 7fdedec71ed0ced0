using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>C01/C04/C06: tokens unknown locally are sent to the CSMS and its answer is obeyed and cached.</summary>
public sealed class AuthorizeTests
{
    [Fact]
    public async Task TC_E_52_CS()
    {
        // DisableRemoteAuthorization true: a token neither in the list nor in the cache is refused without asking the CSMS.
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "DisableRemoteAuthorization", "true");

        var decision = await a.PresentAsync("UNKNOWN1");

        Assert.False(decision.Accepted);
        Assert.Equal(0, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_02_CS() => await RefusedByCsmsAsync("Invalid");

    [Fact]
    public async Task TC_C_05_CS() => await RefusedByCsmsAsync("Invalid");

    [Fact]
    public async Task TC_C_06_CS() => await RefusedByCsmsAsync("Blocked");

    [Fact]
    public async Task TC_C_07_CS() => await RefusedByCsmsAsync("Expired");

    [Fact]
    public async Task TC_C_56_CS() => await RefusedByCsmsAsync("Unknown");

    [Fact]
    public async Task TC_C_04_CS()
    {
        // A different token presented during a transaction is checked with the CSMS (C01.FR.02); without a shared
        // groupIdToken the transaction layer keeps the transaction running (C01.FR.03).
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted", group: "G-STARTER");
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        a.RespondAuthorize("Accepted");
        var other = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.Equal(2, a.AuthorizeCount);
        Assert.Equal("BB02", a.Station.Calls("Authorize")[1].GetProperty("idToken").GetProperty("idToken").GetString());
        Assert.True(other.Accepted);
        Assert.Null(other.Info.GroupIdToken);
    }

    [Fact]
    public async Task C01_AllIdTokenInfoFields_ReachTheCaller()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted", group: "G1", extra: ""","evseId":[1],"language1":"nl","language2":"en","cacheExpiryDateTime":"2025-01-02T12:00:00Z","personalMessage":{"format":"UTF8","content":"Hallo"}""");
        var decision = await a.PresentAsync("AA01", evseId: 1);
        Assert.True(decision.Accepted);
        Assert.Equal(AuthorizationSource.Csms, decision.Source);
        Assert.Equal(("G1", "nl", "en", "Hallo"), (decision.Info.GroupIdToken!.IdToken, decision.Info.Language1, decision.Info.Language2, decision.Info.PersonalMessage!.Content));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero), decision.Info.CacheExpiryDateTime);
    }

    [Fact]
    public async Task C01_FR_21_EvseRestriction_OtherEvseRefused()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted", extra: ""","evseId":[2]""");
        var onOne = await a.PresentAsync("AA01", evseId: 1);
        Assert.False(onOne.Accepted);
        Assert.Equal(AuthorizationStatusEnumType.NotAtThisLocation, onOne.Info.Status);

        // From the cache now: EVSE 2 may charge.
        Assert.True((await a.PresentAsync("AA01", evseId: 2)).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task C07_CertificateDataPassedThrough_CertificateStatusReturned()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Station.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"},"certificateStatus":"CertificateRevoked"}""");
        var query = new AuthorizationQuery(AuthorizationHarness.Token("EMAID0001", "eMAID"), 1, AuthorizationPurpose.Start)
        {
            Certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            Iso15118CertificateHashData = [new() { HashAlgorithm = HashAlgorithmEnumType.SHA256, IssuerNameHash = "aa", IssuerKeyHash = "bb", SerialNumber = "01", ResponderURL = "http://ocsp.example" }],
        };
        var decision = await ((IIdTokenAuthorizer)a.Auth).AuthorizeAsync(query, CancellationToken.None);
        var sent = a.Station.Calls("Authorize").Single();
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", sent.GetProperty("certificate").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://ocsp.example", sent.GetProperty("iso15118CertificateHashData")[0].GetProperty("responderURL").GetString());
        Assert.Equal(AuthorizeCertificateStatusEnumType.CertificateRevoked, decision.CertificateStatus);
    }

    [Fact]
    public async Task C05_FR_01_RemoteStartCentralToken_NoAuthorizeRequest()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        Assert.True((await a.PresentAsync("REMOTE-1", purpose: AuthorizationPurpose.RemoteStart, type: "Central")).Accepted);
        Assert.Equal(0, a.AuthorizeCount);

        // C05.FR.02: and its info is never cached.
        a.Auth.OnIdTokenInfoReceived(AuthorizationHarness.Token("REMOTE-1", "Central"), new() { Status = AuthorizationStatusEnumType.Accepted });
        Assert.Equal(0, a.Auth.Cache.Count);
    }

    [Fact]
    public async Task AuthorizeRemoteStart_True_RemoteTokenAuthorized_False_Trusted()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Invalid");
        Assert.False((await a.PresentAsync("AA01", purpose: AuthorizationPurpose.RemoteStart)).Accepted);
        Assert.Equal(1, a.AuthorizeCount);

        await a.SetAsync("AuthCtrlr", "AuthorizeRemoteStart", "false");
        Assert.True((await a.PresentAsync("BB02", purpose: AuthorizationPurpose.RemoteStart)).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task AuthCtrlrEnabledFalse_FreeVend_NothingAsked()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "Enabled", "false");
        var decision = await a.PresentAsync("AA01");
        Assert.True(decision.Accepted);
        Assert.Equal(AuthorizationSource.FreeVend, decision.Source);
        Assert.Equal(0, a.AuthorizeCount);
    }

    [Fact]
    public async Task C02_ButtonToken_NoAuthorization_AcceptedWithoutRequest_NeverCached()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        Assert.True((await a.PresentAsync(string.Empty, type: "NoAuthorization")).Accepted);
        a.Auth.OnIdTokenInfoReceived(AuthorizationHarness.Token(string.Empty, "NoAuthorization"), new() { Status = AuthorizationStatusEnumType.Accepted });
        Assert.Equal((0, 0), (a.AuthorizeCount, a.Auth.Cache.Count));
    }

    [Fact]
    public async Task DisableRemoteAuthorization_UnknownToken_RefusedWithoutRequest()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "DisableRemoteAuthorization", "true");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationStatusEnumType.Unknown, 0), (decision.Accepted, decision.Info.Status, a.AuthorizeCount));
    }

    [Fact]
    public async Task AuthorizeUnanswered_DecidedOffline_AfterTimeout()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        a.Station.Csms.Ignore("Authorize");
        var pending = a.PresentAsync("AA01").AsTask();
        await a.Station.AdvanceUntilAsync(() => pending.IsCompleted, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));
        var decision = await pending;
        Assert.Equal((true, AuthorizationSource.OfflineUnknown), (decision.Accepted, decision.Source));
        Assert.Equal(0, a.Auth.Cache.Count);
    }

    private static async Task RefusedByCsmsAsync(string status)
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize(status);
        var decision = await a.PresentAsync("AA01");
        var sent = a.Station.Calls("Authorize").Single();
        Assert.Equal(("AA01", "ISO14443"), (sent.GetProperty("idToken").GetProperty("idToken").GetString(), sent.GetProperty("idToken").GetProperty("type").GetString()));
        Assert.False(decision.Accepted);
        Assert.Equal(status, AuthorizationHarness.Json(decision).Split('"')[3]);

        // C10.FR.01: cached whatever the status.
        Assert.Equal(status, a.Auth.Cache.Peek(new("AA01", "ISO14443"))!.Info.Status.ToString());
    }
}
