using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>C13/C15: decisions while the WebSocket is cut and reconnects are refused.</summary>
public sealed class OfflineAuthorizationTests
{
    [Fact]
    public async Task TC_C_21_CS()
    {
        await using var a = await OfflineWithListAsync("Accepted");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.LocalList), (decision.Accepted, decision.Source));
    }

    [Fact]
    public async Task TC_C_22_CS() => await RefusedOfflineAsync("Invalid");

    [Fact]
    public async Task TC_C_23_CS() => await RefusedOfflineAsync("Blocked");

    [Fact]
    public async Task TC_C_24_CS() => await RefusedOfflineAsync("Expired");

    [Fact]
    public async Task TC_C_25_CS()
    {
        // Listed Invalid, cached Accepted: the list wins (C13.FR.01), nothing starts.
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Invalid", null));
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        await a.GoOfflineAsync();
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.LocalList), (decision.Accepted, decision.Source));
    }

    [Fact]
    public async Task TC_C_26_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await a.GoOfflineAsync();
        var decision = await a.PresentAsync("UNKNOWN1");
        Assert.Equal((true, AuthorizationSource.OfflineUnknown), (decision.Accepted, decision.Source));

        // C15.FR.01: not cached; back online the same token is checked with the CSMS.
        Assert.Equal(0, a.Auth.Cache.Count);
        await a.ComeBackAsync();
        a.RespondAuthorize("Invalid");
        Assert.False((await a.PresentAsync("UNKNOWN1")).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task C13_FR_02_OfflineUnknown_Refused_WhenUnknownIdsNotAllowed()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.GoOfflineAsync();
        var decision = await a.PresentAsync("UNKNOWN1");
        Assert.Equal((false, AuthorizationStatusEnumType.Unknown, AuthorizationSource.None), (decision.Accepted, decision.Info.Status, decision.Source));
    }

    [Fact]
    public async Task C12_OfflineCachedAccepted_Starts_UnlessLocalAuthorizeOfflineFalse()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        await a.GoOfflineAsync();
        Assert.Equal(AuthorizationSource.Cache, (await a.PresentAsync("AA01")).Source);
        Assert.True((await a.PresentAsync("AA01")).Accepted);

        a.Model.TrySet(ChargerController.Station.DeviceModel.VariableKey.Of("AuthCtrlr", "LocalAuthorizeOffline"), null, "false", out _);
        Assert.False((await a.PresentAsync("AA01")).Accepted);
    }

    [Fact]
    public async Task C15_OfflineStartedToken_DeauthorizedByTransactionResponse_CacheFollows()
    {
        // TC_C_15-18 pre-conditions: authorized offline from the cache; the TransactionEventResponse after reconnect
        // says Invalid (C10.FR.05), so the cache changes and the next presentation is refused by the CSMS.
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted);
        await a.GoOfflineAsync();
        Assert.True((await a.PresentAsync("AA01")).Accepted);
        await a.ComeBackAsync();
        a.Auth.OnIdTokenInfoReceived(AuthorizationHarness.Token("AA01"), new() { Status = AuthorizationStatusEnumType.Invalid });
        a.RespondAuthorize("Invalid");
        Assert.False((await a.PresentAsync("AA01")).Accepted);
        Assert.Equal(1, a.AuthorizeCount);
    }

    private static async Task RefusedOfflineAsync(string listed)
    {
        await using var a = await OfflineWithListAsync(listed);
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.LocalList), (decision.Accepted, decision.Source));
        Assert.Equal(listed, decision.Info.Status.ToString());
    }

    private static async Task<AuthorizationHarness> OfflineWithListAsync(string listed)
    {
        var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", listed, null));
        await a.GoOfflineAsync();
        return a;
    }
}
