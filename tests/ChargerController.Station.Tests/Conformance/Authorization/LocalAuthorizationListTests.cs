using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>Block D: SendLocalList and GetLocalListVersion over the WebSocket (D01, D02).</summary>
public sealed class LocalAuthorizationListTests
{
    [Fact]
    public async Task TC_D_01_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        Assert.Equal("Accepted", await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null)));
        Assert.Equal(3, await a.GetLocalListVersionAsync());
        Assert.Equal("1", a.Model.GetValue(VariableKey.Of("LocalAuthListCtrlr", "Entries")));
    }

    [Fact]
    public async Task TC_D_02_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null));
        Assert.Equal("Accepted", await a.SendLocalListAsync("Differential", 4, ("AA02", "Accepted", null)));
        Assert.Equal(4, await a.GetLocalListVersionAsync());
        Assert.Equal(2, a.Auth.LocalList.Count);

        // The added token now authorizes without asking the CSMS (C14.FR.02).
        Assert.True((await a.PresentAsync("AA02")).Accepted);
        Assert.Equal(0, a.AuthorizeCount);
    }

    [Fact]
    public async Task TC_D_03_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null), ("AA02", "Accepted", null));
        Assert.Equal("Accepted", await a.SendLocalListAsync("Differential", 4, ("AA01", null, null)));
        Assert.Equal(4, await a.GetLocalListVersionAsync());
        Assert.Null(a.Auth.LocalList.Find(new("AA01", "ISO14443")));
        Assert.NotNull(a.Auth.LocalList.Find(new("AA02", "ISO14443")));
    }

    [Fact]
    public async Task TC_D_04_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null));
        Assert.Equal("Accepted", await a.SendLocalListAsync("Full", 3));
        Assert.Equal(3, await a.GetLocalListVersionAsync());
        Assert.Equal(0, a.Auth.LocalList.Count);
    }

    [Fact]
    public async Task TC_D_05_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null));
        Assert.Equal("Accepted", await a.SendLocalListAsync("Differential", 4));
        Assert.Equal(4, await a.GetLocalListVersionAsync());
        Assert.Equal(1, a.Auth.LocalList.Count);
    }

    [Fact]
    public async Task TC_D_06_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 3, ("AA01", "Accepted", null));
        Assert.Equal("VersionMismatch", await a.SendLocalListAsync("Differential", 2, ("AA02", "Accepted", null)));
        Assert.Equal("VersionMismatch", await a.SendLocalListAsync("Differential", 3, ("AA02", "Accepted", null)));
        Assert.Equal(3, await a.GetLocalListVersionAsync());
        Assert.Null(a.Auth.LocalList.Find(new("AA02", "ISO14443")));
    }

    [Fact]
    public async Task TC_D_07_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync(sqlite: true);
        await a.SendLocalListAsync("Full", 5, ("AA01", "Accepted", null), ("AA02", "Blocked", null));
        await a.SendLocalListAsync("Differential", 6, ("AA02", null, null), ("AA03", "Accepted", "G1"));
        await a.RestartAsync();

        Assert.Equal(6, await a.GetLocalListVersionAsync());
        Assert.Equal(2, a.Auth.LocalList.Count);
        Assert.Equal("G1", a.Auth.LocalList.Find(new("AA03", "ISO14443"))!.GroupIdToken!.IdToken);
        Assert.Equal("2", a.Model.GetValue(VariableKey.Of("LocalAuthListCtrlr", "Entries")));
    }

    [Fact]
    public async Task TC_D_08_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        Assert.Equal(0, await a.GetLocalListVersionAsync());
        await a.SendLocalListAsync("Full", 12, ("AA01", "Accepted", null));
        Assert.Equal(12, await a.GetLocalListVersionAsync());
    }

    [Fact]
    public async Task TC_D_10_CS()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 12, ("AA01", "Accepted", null));
        await a.SetAsync("LocalAuthListCtrlr", "Enabled", "false");
        Assert.Equal(0, await a.GetLocalListVersionAsync());

        // A disabled list is not used either: the token goes to the CSMS.
        await a.PresentAsync("AA01");
        Assert.Equal(1, a.AuthorizeCount);
    }

    [Fact]
    public async Task D01_FR_06_DuplicateTokens_Failed_ListUnchanged()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        await a.SendLocalListAsync("Full", 1, ("AA01", "Accepted", null));
        Assert.Equal("Failed", await a.SendLocalListAsync("Full", 2, ("AA02", "Accepted", null), ("AA02", "Blocked", null)));
        Assert.Equal(1, await a.GetLocalListVersionAsync());
        Assert.NotNull(a.Auth.LocalList.Find(new("AA01", "ISO14443")));
    }

    [Fact]
    public async Task D01_FR_11_MoreItemsThanItemsPerMessage_OccurrenceConstraintViolation()
    {
        await using var a = await AuthorizationHarness.StartAsync();
        var entries = Enumerable.Range(0, ChargerController.Station.Authorization.AuthorizationLimits.ItemsPerMessage + 1).Select(i => ($"T{i}", (string?)"Accepted", (string?)null)).ToArray();
        var reply = await a.SendLocalListFrameAsync("Full", 1, entries);
        Assert.Equal((4, "OccurrenceConstraintViolation"), (reply[0].GetInt32(), reply[2].GetString()));
        Assert.Equal(0, await a.GetLocalListVersionAsync());
    }
}
