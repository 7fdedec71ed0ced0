using ChargerController.Station.DeviceModel;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>Reset of one EVSE (B11.FR.08, B12.FR.07/08) on a station with a per-EVSE reset port, OCA Part 6 scenarios.</summary>
public sealed class ResetEvseTests : IAsyncLifetime
{
    private readonly RecordingEvseResetPort _evseReset = new();
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync(configurePorts: (_, ports) => ports with { EvseReset = _evseReset });
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_B_25_CS()
    {
        // B11.FR.10: the EVSE announces that it can be reset on its own.
        Assert.Equal("true", _h.Model.GetValue(new VariableKey(DeviceModelCatalog.Evse, null, 1, null, "AllowReset", null)));

        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle","evseId":1}""");

        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(1, await _evseReset.FirstReset.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task TC_B_26_CS()
    {
        _h.Transactions.Start(1);
        _h.Transactions.Start(2);

        var reply = await _h.Session.CallAsync("Reset", """{"type":"OnIdle","evseId":1}""");

        // B12.FR.01/07: Scheduled until EVSE 1's transaction ended; EVSE 2's transaction does not matter.
        Assert.Equal("Scheduled", reply[2].GetProperty("status").GetString());
        await Task.Delay(100);
        Assert.False(_evseReset.FirstReset.IsCompleted);
        _h.Transactions.End(1);
        Assert.Equal(1, await _evseReset.FirstReset.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(_h.Transactions.HasActiveTransaction(2));
        Assert.Empty(_h.Transactions.EndedWith);
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task TC_B_27_CS()
    {
        _h.Transactions.Start(1);
        _h.Transactions.Start(2);

        var reply = await _h.Session.CallAsync("Reset", """{"type":"Immediate","evseId":1}""");

        // B12.FR.08: only EVSE 1's transaction ends (ImmediateReset), then EVSE 1 is reset; the station keeps running.
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(1, await _evseReset.FirstReset.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["ImmediateReset"], _h.Transactions.EndedWith);
        Assert.False(_h.Transactions.HasActiveTransaction(1));
        Assert.True(_h.Transactions.HasActiveTransaction(2));
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
    }

    [Fact]
    public async Task B11_FR_08_ResetOfIdleEvse_ReportsItUnavailable_ThenBackInService_OtherEvseSilent()
    {
        // The boot reports of both EVSEs are out first (B01.FR.05).
        await _h.WaitForCallsAsync("StatusNotification", 2, TimeSpan.FromSeconds(10));
        var before = _h.Calls("StatusNotification").Count;

        var reply = await _h.Session.CallAsync("Reset", """{"type":"Immediate","evseId":1}""");

        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(1, await _evseReset.FirstReset.WaitAsync(TimeSpan.FromSeconds(10)));

        // Unavailable before the reset starts, then the status it came back in (the connector reads Available here).
        await _h.WaitForCallsAsync("StatusNotification", before + 2, TimeSpan.FromSeconds(10));
        var reported = _h.Calls("StatusNotification").Skip(before).ToList();
        Assert.Equal(
            [(1, "Unavailable"), (1, "Available")],
            reported.Select(r => (r.GetProperty("evseId").GetInt32(), r.GetProperty("connectorStatus").GetString())));
        Assert.Equal("Available", _h.Model.GetValue(new VariableKey(DeviceModelCatalog.Connector, null, 1, 1, "AvailabilityState", null)));
    }

    [Fact]
    public async Task ResetEvse_UnknownEvseOrImmediateAndResume_Rejected()
    {
        await _h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"TxCtrlr"},"variable":{"name":"ResumptionTimeout"},"attributeValue":"120"}]}""");

        var unknown = await _h.Session.CallAsync("Reset", """{"type":"Immediate","evseId":9}""");
        var resume = await _h.Session.CallAsync("Reset", """{"type":"ImmediateAndResume","evseId":1}""");

        Assert.Equal("Rejected", unknown[2].GetProperty("status").GetString());
        Assert.Equal("Rejected", resume[2].GetProperty("status").GetString());
        Assert.Empty(_evseReset.Resets);
    }
}
