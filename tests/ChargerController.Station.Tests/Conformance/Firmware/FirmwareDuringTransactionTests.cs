using ChargerController.Station.Evse;

namespace ChargerController.Station.Tests.Conformance.Firmware;

/// <summary>
/// Firmware updates while charging (L01.FR.06/07/33): the release is installed beside the running version during the
/// session, the restart that activates it waits for every transaction to end, and idle EVSEs are Unavailable meanwhile
/// unless AllowNewSessionsPendingFirmwareUpdate is true.
/// </summary>
public sealed class FirmwareDuringTransactionTests : IAsyncLifetime
{
    private FirmwareFixture _f = new();

    public async Task InitializeAsync() => await _f.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task TC_L_12_CS()
    {
        await UseStationThatDownloadsOnlyWhenIdleAsync();
        await SetAllowNewSessionsAsync(true);
        StartTransaction(1);
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(12, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal(["DownloadScheduled"], await _f.StatusesAsync(1));

        // A second session may start while the download waits; nothing is fetched until both ended.
        Assert.True(_f.H.Runtime.Availability.IsOperative(2, null));
        StartTransaction(2);
        EndTransaction(1);
        await Task.Delay(200);
        Assert.Equal(0, _f.Server.RequestCount("/fw/v2.tar.gz"));
        EndTransaction(2);

        Assert.Equal(["DownloadScheduled", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(6));
        Assert.DoesNotContain(_f.H.Calls("StatusNotification"), s => s.GetProperty("connectorStatus").GetString() == "Unavailable");
        await _f.RebootAsync();
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
    }

    [Fact]
    public async Task TC_L_13_CS()
    {
        await UseStationThatDownloadsOnlyWhenIdleAsync();
        StartTransaction(1);
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(13, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal(["DownloadScheduled"], await _f.StatusesAsync(1));
        await _f.H.Session.WaitForFrameAsync(f => f.Action == "StatusNotification" && IsStatus(f.Json!.Value[3], 2, "Unavailable"), TimeSpan.FromSeconds(10));
        Assert.Equal(0, _f.Server.RequestCount("/fw/v2.tar.gz"));

        EndTransaction(1);

        Assert.Equal(["DownloadScheduled", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting"], await _f.StatusesAsync(6));
        await _f.RebootAsync();
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
        await _f.Manager.Current.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(_f.H.Runtime.Availability.IsOperative(2, null));
    }

    [Fact]
    public async Task TC_L_14_CS()
    {
        await SetAllowNewSessionsAsync(true);
        StartTransaction(1);
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(14, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing"], await _f.StatusesAsync(4));

        // A second session may start while the update waits (step 11); the first ending does not restart the station.
        Assert.True(_f.H.Runtime.Availability.IsOperative(2, null));
        StartTransaction(2);
        EndTransaction(1);
        await Task.Delay(200);
        Assert.False(_f.H.ResetPort.Rebooted.IsCompleted);
        Assert.DoesNotContain(_f.H.Calls("StatusNotification"), s => s.GetProperty("connectorStatus").GetString() == "Unavailable");

        EndTransaction(2);

        Assert.Equal("InstallRebooting", (await _f.StatusesAsync(5))[4]);
        await _f.RebootAsync();
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
        await _f.WaitForSecurityEventAsync(Station.Firmware.FirmwareSecurityEvents.FirmwareUpdated);
    }

    [Fact]
    public async Task TC_L_15_CS()
    {
        StartTransaction(1);
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(15, location, _f.Sign(_f.Image), _f.SigningPem);

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing"], await _f.StatusesAsync(4));

        // L01.FR.07: the idle EVSE goes Unavailable while the session on EVSE 1 goes on.
        await _f.H.Session.WaitForFrameAsync(f => f.Action == "StatusNotification" && IsStatus(f.Json!.Value[3], 2, "Unavailable"), TimeSpan.FromSeconds(10));
        Assert.False(_f.H.Runtime.Availability.IsOperative(2, null));
        Assert.False(_f.H.ResetPort.Rebooted.IsCompleted);
        Assert.Empty(_f.H.Transactions.EndedWith);

        EndTransaction(1);

        Assert.Equal("InstallRebooting", (await _f.StatusesAsync(5))[4]);
        Assert.False(_f.H.Runtime.Availability.IsOperative(1, null));
        await _f.RebootAsync();

        // The new firmware reports Installed and gives the EVSEs back.
        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
        await _f.Manager.Current.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(_f.H.Runtime.Availability.IsOperative(1, null));
        Assert.True(_f.H.Runtime.Availability.IsOperative(2, null));
        await _f.H.Session.WaitForFrameAsync(f => f.Action == "StatusNotification" && IsStatus(f.Json!.Value[3], 2, "Available"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TC_L_16_CS()
    {
        StartTransaction(1);
        var location = _f.Server.Serve("/fw/v2.tar.gz", _f.Image);

        await _f.UpdateAsync(16, location, _f.Sign(_f.Image), _f.SigningPem);

        // Installed beside the running version while charging: the session is not touched.
        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing"], await _f.StatusesAsync(4));
        Assert.True(_f.H.Transactions.HasActiveTransaction(1));
        Assert.Empty(_f.H.Transactions.EndedWith);
        Assert.Equal("v1", File.ReadAllText(Path.Combine(_f.CurrentRelease, "..", "v1", "chargerd")));

        EndTransaction(1);
        await _f.StatusesAsync(5);
        await _f.RebootAsync();

        Assert.Equal(["Installed"], await _f.StatusesAsync(1));
        Assert.Equal("v2", _f.CurrentChargerd);
    }

    [Fact]
    public async Task UpdateFirmware_DownloadFailsDuringTransaction_EvsesStayAvailable()
    {
        // EVSEs only go Unavailable once an image is installed and waits for the restart.
        StartTransaction(1);
        await _f.UpdateAsync(1, new Uri(_f.Server.BaseAddress, "/fw/missing"), _f.Sign(_f.Image), _f.SigningPem, retries: 0);
        Assert.Equal(["Downloading", "DownloadFailed"], await _f.StatusesAsync(2));

        Assert.True(_f.H.Runtime.Availability.IsOperative(2, null));
        Assert.False(_f.H.ResetPort.Rebooted.IsCompleted);
    }

    private async Task UseStationThatDownloadsOnlyWhenIdleAsync()
    {
        await _f.DisposeAsync();
        _f = new FirmwareFixture(new Station.Firmware.FirmwareUpdateOptions { DownloadDirectory = "unused", DownloadDuringTransaction = false });
        await _f.StartAsync();
    }

    private static bool IsStatus(System.Text.Json.JsonElement payload, int evseId, string status) =>
        payload.GetProperty("evseId").GetInt32() == evseId && payload.GetProperty("connectorStatus").GetString() == status;

    private async Task SetAllowNewSessionsAsync(bool allow)
    {
        var answer = await _f.H.Session.CallAsync(
            "SetVariables",
            $$$"""{"setVariableData":[{"attributeValue":"{{{(allow ? "true" : "false")}}}","component":{"name":"ChargingStation"},"variable":{"name":"AllowNewSessionsPendingFirmwareUpdate"}}]}""");
        Assert.Equal("Accepted", answer[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    private void StartTransaction(int evseId)
    {
        _f.H.Connectors.Set(evseId, ConnectorStatus.Occupied);
        _f.H.Transactions.Start(evseId);
    }

    private void EndTransaction(int evseId)
    {
        _f.H.Connectors.Set(evseId, ConnectorStatus.Available);
        _f.H.Transactions.End(evseId);
    }
}
