using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>C14: online authorization through the local authorization list.</summary>
public sealed class LocalListAuthorizationTests
{
    [Fact]
    public async Task TC_C_27_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Accepted", null));
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.LocalList, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_28_CS() => await ListedNotAcceptedAskedAsync("Invalid", "Invalid");

    [Fact]
    public async Task TC_C_29_CS() => await ListedNotAcceptedAskedAsync("Blocked", "Blocked");

    [Fact]
    public async Task TC_C_30_CS() => await ListedNotAcceptedAskedAsync("Expired", "Expired");

    [Fact]
    public async Task TC_C_31_CS()
    {
        // Listed Invalid, but the CSMS now accepts it (C14.FR.03): charging is authorized.
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Invalid", null));
        a.RespondAuthorize("Accepted");
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.Csms, 1), (decision.Accepted, decision.Source, a.AuthorizeCount));

        // D01.FR.09: only SendLocalList changes the list.
        Assert.Equal(AuthorizationStatusEnumType.Invalid, a.Auth.LocalList.Find(new("AA01", "ISO14443"))!.Status);
    }

    [Fact]
    public async Task TC_C_58_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("LocalAuthListCtrlr", "DisablePostAuthorize", "true");
        await a.SendLocalListAsync("Full", 1, ("AA01", "Invalid", null));
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.LocalList, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task C13_FR_01_ListBeatsCache_Online()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Invalid);
        await a.SendLocalListAsync("Full", 1, ("AA01", "Accepted", null));
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((true, AuthorizationSource.LocalList, 0), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }

    [Fact]
    public async Task C14_FR_05_ExpiredListEntry_AskedAgain()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        var reply = await a.Station.Session.CallAsync("SendLocalList", """{"versionNumber":1,"updateType":"Full","localAuthorizationList":[{"idToken":{"idToken":"AA01","type":"ISO14443"},"idTokenInfo":{"status":"Accepted","cacheExpiryDateTime":"2025-01-01T12:30:00Z"}}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(AuthorizationSource.LocalList, (await a.PresentAsync("AA01")).Source);
        a.Station.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(AuthorizationSource.Csms, (await a.PresentAsync("AA01")).Source);
        Assert.Equal(1, a.AuthorizeCount);
    }

    private static async Task ListedNotAcceptedAskedAsync(string listed, string answer)
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", listed, null));
        a.RespondAuthorize(answer);
        var decision = await a.PresentAsync("AA01");
        Assert.Equal((false, AuthorizationSource.Csms, 1), (decision.Accepted, decision.Source, a.AuthorizeCount));
    }
}
