using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Storage;
using ChargerController.Storage.Payment;
using Microsoft.Data.Sqlite;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// Terminal payments survive a reboot (C21: the amount of an ended transaction is captured and reported; C19: an approved
/// card that never got a transaction is released), with the payment rows in a real SQLite station database file.
/// </summary>
public sealed class PaymentRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-payment-").FullName;

    private SqlitePaymentStore NewStore() => new(new StationDatabase(Path.Combine(_directory, StationDatabase.FileName)));

    [Fact]
    public async Task C21_RebootDuringSettlement_SettledAfterRestart()
    {
        // The transaction ends, its Ended event is answered with totalCost 6.4, the capture is in progress when the power
        // goes: after the restart the station captures 6.4 and sends NotifySettlement Settled (C21.FR.01/02).
        HoldingSettleTerminal? terminal = null;
        await using var rig = await PaymentRig.StartAsync(
            script: csms => csms.Respond("TransactionEvent", e => e.GetProperty("eventType").GetString() == "Ended" ? """{"totalCost":6.4}""" : "{}"),
            store: NewStore(),
            terminal: simulated => terminal = new HoldingSettleTerminal(simulated));
        var pspRef = await rig.PayAsync();
        await rig.Tx.PlugAsync();
        var started = await rig.Tx.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.Tx.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.Tx.UnplugAsync();
        await rig.Tx.WaitForEventAsync(e => e.EventType() == "Ended");
        await terminal!.SettleStarted.WaitAsync(TimeSpan.FromSeconds(30));

        // The pending settlement is in the database file (read through a new connection, as after a reboot).
        SqliteConnection.ClearAllPools();
        var row = Assert.Single(NewStore().LoadAll());
        Assert.Equal((pspRef, started.TxId(), true, 6.4m), (row.PspRef, row.TransactionId, row.SettlementDue, row.SettlementAmount));

        terminal.Hold = false;
        await rig.Tx.RestartAsync();
        var settlement = await rig.WaitForCallAsync("NotifySettlement");
        Assert.Equal(("Settled", pspRef, started.TxId()), (settlement.GetProperty("status").GetString(), settlement.GetProperty("pspRef").GetString(), settlement.GetProperty("transactionId").GetString()));
        Assert.Equal(6.4m, settlement.GetProperty("settlementAmount").GetDecimal());
        Assert.Contains("settle " + pspRef + " 6.4", rig.Terminal.Operations);
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        SqliteConnection.ClearAllPools();
        Assert.Empty(NewStore().LoadAll());
    }

    [Fact]
    public async Task C19_RebootBeforeTransaction_ReservationReleasedAfterRestart()
    {
        // An approved card whose driver never plugged in before the power went: the session is gone after the restart, so
        // the amount reserved on the card is released (C19.FR.01) instead of staying blocked until the PSP expires it.
        await using var rig = await PaymentRig.StartAsync(store: NewStore());
        var pspRef = await rig.PayAsync();
        SqliteConnection.ClearAllPools();
        Assert.Equal(pspRef, Assert.Single(NewStore().LoadAll()).PspRef);

        await rig.Tx.RestartAsync();
        await rig.RunUntilAsync(() => rig.Terminal.Operations.Contains("cancel " + pspRef));
        await rig.Module.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        SqliteConnection.ClearAllPools();
        Assert.Empty(NewStore().LoadAll());
        Assert.Null(rig.Tx.Sessions.SessionOf(1));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
