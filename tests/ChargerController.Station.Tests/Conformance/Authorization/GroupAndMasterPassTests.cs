using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>C09 (stop by groupIdToken) and C16 (master pass): what the authorizer tells the transaction layer.</summary>
public sealed class GroupAndMasterPassTests
{
    [Fact]
    public async Task TC_C_39_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted", group: "G1");
        var starter = await a.PresentAsync("AA01");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.True(starter.Accepted && stopper.Accepted);
        Assert.Equal(starter.Info.GroupIdToken!.IdToken, stopper.Info.GroupIdToken!.IdToken);
        Assert.Equal(2, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_40_CS()
    {
        // Started with a listed token, stopped with a cached one of the same group: no AuthorizeRequest (C09.FR.07).
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Accepted", "G1"));
        a.Cache("BB02", AuthorizationStatusEnumType.Accepted, group: "G1");
        var starter = await a.PresentAsync("AA01");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.Equal((AuthorizationSource.LocalList, AuthorizationSource.Cache), (starter.Source, stopper.Source));
        Assert.Equal("G1", stopper.Info.GroupIdToken!.IdToken);
        Assert.Equal(0, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_41_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted, group: "G1");
        a.Cache("BB02", AuthorizationStatusEnumType.Accepted, group: "G1");

        // Even with LocalPreAuthorize=false a stop by a valid cached group member does not wait for the CSMS.
        await a.SetAsync("AuthCtrlr", "LocalPreAuthorize", "false");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.Equal((true, "G1", 0), (stopper.Accepted, stopper.Info.GroupIdToken!.IdToken, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_42_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.RespondAuthorize("Accepted", group: "G1");
        await a.PresentAsync("AA01");
        a.RespondAuthorize("Invalid", group: "G1");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);

        // C09.FR.11: same group but not Accepted, so it does not stop.
        Assert.False(stopper.Accepted);
        Assert.Equal(2, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_C_43_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Accepted", "G1"), ("BB02", "Invalid", "G1"));
        a.RespondAuthorize("Invalid", group: "G1");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.Equal((false, 1), (stopper.Accepted, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_44_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        a.Cache("AA01", AuthorizationStatusEnumType.Accepted, group: "G1");
        a.Cache("BB02", AuthorizationStatusEnumType.Invalid, group: "G1");
        a.RespondAuthorize("Invalid", group: "G1");
        var stopper = await a.PresentAsync("BB02", purpose: AuthorizationPurpose.Stop);
        Assert.Equal((false, 1), (stopper.Accepted, a.AuthorizeCount));
    }

    [Fact]
    public async Task TC_C_45_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "MasterPassGroupId", "MASTER");
        a.RespondAuthorize("Accepted", group: "MASTER");
        var decision = await a.PresentAsync("MP01");

        // C16.FR.03 / C12.FR.09: never starts.
        Assert.Equal((false, true, 1), (decision.Accepted, decision.IsMasterPass, a.AuthorizeCount));
        Assert.False((await a.PresentAsync("MP01", purpose: AuthorizationPurpose.RemoteStart)).Accepted);
    }

    [Fact]
    public async Task TC_C_49_CS()
    {
        // Without a UI the master pass stops every transaction (C16.FR.02); the decision says so.
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SetAsync("AuthCtrlr", "MasterPassGroupId", "MASTER");
        a.RespondAuthorize("Accepted", group: "MASTER");
        var decision = await a.PresentAsync("MP01", evseId: null, purpose: AuthorizationPurpose.Stop);
        Assert.Equal((true, true), (decision.Accepted, decision.IsMasterPass));

        // C16.FR.04: later recognised from the cache.
        var again = await a.PresentAsync("MP01", evseId: null, purpose: AuthorizationPurpose.Stop);
        Assert.Equal((true, AuthorizationSource.Cache, 1), (again.IsMasterPass, again.Source, a.AuthorizeCount));
    }
}
