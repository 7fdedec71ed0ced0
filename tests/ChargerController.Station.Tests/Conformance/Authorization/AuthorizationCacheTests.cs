using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>C10-C12: the authorization cache, online, over the WebSocket.</summary>
public sealed class AuthorizationCacheTests
{
    [Fact]
    public async Task TC_C_08_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.Cache, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_09_CS() => await CachedNotAcceptedAskedAgainAsync(AuthorizationStatusEnumType.Invalid, "Invalid");

    [Fact]
    public async Task TC_C_10_CS() => await CachedNotAcceptedAskedAgainAsync(AuthorizationStatusEnumType.Blocked, "Blocked");

    [Fact]
    public async Task TC_C_11_CS()
    {
        // Cached as Accepted but past its cacheExpiryDateTime (C10.FR.13): counts as Expired, so the CSMS is asked.
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted, expiry: a.Station.Time.GetUtcNow().AddMinutes(5));
        a.Station.Time.Advance(TimeSpan.FromMinutes(6));
        a.RespondAuthorize("Expired");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationStatusEnumType.Expired, 1), (decision.Accepted, decision.Info.Status, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_12_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Invalid);
        a.RespondAuthorize("Accepted");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.Csms, 1), (decision.Accepted, decision.Source, a.AuthorizeCount));

        // C10.FR.04: the cache now holds the new status.
        Assert.Equal(AuthorizationStatusEnumType.Accepted, a.Auth.Cache.Peek(new("AA01", "ISO14443"))!.Info.Status);
    }

    [Fact]
    public async Task TC_C_13_CS()
    {
        // Presented before any cable (no EVSE known yet): authorized from the cache, no AuthorizeRequest (C12.FR.02).
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        var decision = await a.PresentAsync("AA01", evseId: null);
        Assert.Equal((true, AuthorizationSource.Cache, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_57_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCacheCtrlr", "DisablePostAuthorize", "true");
        a.Cache("AA01", AuthorizationStatusEnumType.Invalid);
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.Cache, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_32_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync(sqlite: true);
        a.RespondAuthorize("Accepted", group: "G1");
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        await a.RestartAsync();

        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.Cache, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
        Assert.Equal("G1", decision.Info.GroupIdToken!.IdToken);
        Assert.Equal("1", a.Model.GetValue(ChargerController.Station.DeviceModel.VariableKey.Of("AuthCacheCtrlr", "Entries")));
    }

    [Fact]
    public async Task TC_C_33_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted");
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        Assert.Equal(1, a.AuthorizeCount);

        // The TransactionEventResponse of the next session says Invalid: the cache follows (C10.FR.05) and the next
        // presentation is checked with the CSMS again.
        a.Auth.OnIdTokenInfoReceived(AuthorizationHarness.Token("AA01"), new() { Status = AuthorizationStatusEnumType.Invalid });
        a.RespondAuthorize("Invalid");
        Assert.False((await a.PresentAsync("AA01")).Accepted);
        Assert.Equal(2, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_34_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Auth.OnIdTokenInfoReceived(AuthorizationHarness.Token("AA01"), new() { Status = AuthorizationStatusEnumType.Invalid });
        a.RespondAuthorize("Invalid");
        Assert.False((await a.PresentAsync("AA01")).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_36_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "LocalPreAuthorize", "false");
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        a.RespondAuthorize("Invalid");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.Csms, 1), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_37_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        var reply = await a.Station.Session.CallAsync("ClearCache", "{}");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(0, a.Auth.Cache.Count);
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_38_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        await a.SetAsync("AuthCacheCtrlr", "Enabled", "false");
        var reply = await a.Station.Session.CallAsync("ClearCache", "{}");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());

        // A disabled cache is not used (C10.FR.11).
        await a.PresentAsync("AA01");
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_46_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCacheCtrlr", "LifeTime", "60");
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        Assert.Equal(AuthorizationSource.Cache, (await a.PresentAsync("AA01")).Source);
        a.Station.Time.Advance(TimeSpan.FromSeconds(61));

        // C10.FR.10: older than LifeTime since the last update, so it is Expired and the CSMS decides.
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((AuthorizationSource.Csms, 1), (decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task C10_FR_14_AdditionalInfoNotCached()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Station.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted","groupIdToken":{"idToken":"G1","type":"Central","additionalInfo":[{"additionalIdToken":"x","type":"y"}]}}}""");
        var token = AuthorizationHarness.Token("AA01");
        token.AdditionalInfo = [new() { AdditionalIdToken = "secret", Type = "z" }];
        await a.Auth.AuthorizeAsync(token, 1, AuthorizationPurpose.Start, CancellationToken.None);
        var cached = a.Auth.Cache.Peek(new("AA01", "ISO14443"))!;
        Assert.Null(cached.IdToken.AdditionalInfo);
        Assert.Null(cached.Info.GroupIdToken!.AdditionalInfo);
        Assert.Equal("G1", cached.Info.GroupIdToken.IdToken);
    }

    private static async Task CachedNotAcceptedAskedAgainAsync(AuthorizationStatusEnumType cached, string answer)
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", cached);
        a.RespondAuthorize(answer);
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.Csms, 1), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }
}
