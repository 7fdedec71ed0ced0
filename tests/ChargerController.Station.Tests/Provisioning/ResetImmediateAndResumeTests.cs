using ChargerController.Ocpp.Enums;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Provisioning;

/// <summary>Reset ImmediateAndResume (B13, OCPP 2.1) decided by the reset handler, over the wire.</summary>
public sealed class ResetImmediateAndResumeTests : IAsyncLifetime
{
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync();
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TC_B_101_CS()
    {
        _h.Transactions.Start(1);

        // B13.FR.01: TxCtrlr.ResumptionTimeout is 0 by default: no resumption, so no ImmediateAndResume either.
        var reply = await _h.Session.CallAsync("Reset", """{"type":"ImmediateAndResume"}""");

        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        await Task.Delay(100);
        Assert.False(_h.ResetPort.Rebooted.IsCompleted);
        Assert.Empty(_h.Transactions.EndedWith);
        Assert.True(_h.Transactions.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_B_104_CS()
    {
        var timeout = await _h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"TxCtrlr"},"variable":{"name":"ResumptionTimeout"},"attributeValue":"120"}]}""");
        Assert.Equal("Accepted", timeout[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        var reply = await _h.Session.CallAsync("Reset", """{"type":"ImmediateAndResume"}""");

        // B13.FR.02: without transactions it is a plain reset (B11).
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(BootReasonEnumType.RemoteReset, await _h.ResetPort.Rebooted.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(_h.Transactions.EndedWith);
    }

    [Fact]
    public async Task ImmediateAndResume_TransactionLayerCannotResume_Rejected()
    {
        await _h.Session.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"TxCtrlr"},"variable":{"name":"ResumptionTimeout"},"attributeValue":"120"}]}""");
        _h.Transactions.Start(1);

        var reply = await _h.Session.CallAsync("Reset", """{"type":"ImmediateAndResume"}""");

        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Empty(_h.Transactions.EndedWith);
    }
}
