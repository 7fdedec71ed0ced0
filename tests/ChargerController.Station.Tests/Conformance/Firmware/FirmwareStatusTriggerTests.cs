namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>TriggerMessage FirmwareStatusNotification while a firmware download is under way (F06, L01.FR.26), real HTTP.</summary>
public sealed class FirmwareStatusTriggerTests : IAsyncLifetime
{
    private readonly FirmwareFixture _f = new();

    public async Task InitializeAsync() => await _f.StartAsync();

    public async Task DisposeAsync()
    {
        _f.Server.Release();
        await _f.DisposeAsync();
    }

    [Fact]
    public async Task TC_F_19_CS()
    {
        // The file server sends its headers and holds the body: the download is in progress until released.
        _f.Server.Hold();
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);
        var answer = await _f.UpdateAsync(19, location, _f.Sign(_f.Image), _f.SigningPem);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(["Downloading"], await _f.StatusesAsync(1));
        await FirmwareFixture.WaitUntilAsync(() => _f.Server.RequestCount("/fw/v2.tar.gz") >= 1);

        var trigger = await _f.H.Session.CallAsync("TriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""");
        Assert.Equal("Accepted", trigger[2].GetProperty("status").GetString());

        // L01.FR.26 / F06: the status of the update in progress, with its requestId.
        Assert.Equal(["Downloading", "Downloading"], await _f.StatusesAsync(2));
        Assert.All(_f.RequestIds(), id => Assert.Equal(19, id));

        // The trigger did not disturb the update: it goes on once the body arrives.
        _f.Server.Release();
        Assert.Equal(["Downloading", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(6));
        Assert.Equal("v2", _f.CurrentChargerd);
    }
}
