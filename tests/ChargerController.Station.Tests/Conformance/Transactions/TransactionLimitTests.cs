using System.Globalization;
using System.Text.Json;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// E16 transaction limits set by the CSMS (OCPP 2.1 TC_E_100/104/105 scenarios), MaxEnergyOnInvalidId (E05.FR.02/03),
/// cableMaxCurrent, and that all of them, with the TxEnded samples, survive a restart mid-transaction.
/// </summary>
public sealed class TransactionLimitTests
{
    private const decimal StartRegisterWh = 1000m;

    [Fact]
    public async Task TC_E_100_CS()
    {
        // CSMS specifies an energy limit in the answer to Started; TxStopPoint without EnergyTransfer: suspend (E16.FR.05).
        await using var rig = await ChargingWithLimitAsync("""{"maxEnergy":100}""");

        var limitSet = await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal("Updated", limitSet.EventType());
        Assert.Equal(100m, Limit(limitSet).GetProperty("maxEnergy").GetDecimal());

        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("Updated", reached.EventType());
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        var register = (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh;
        Assert.InRange(register - StartRegisterWh, 100m, 115m);

        // The transaction stays open and the energy stays off.
        await rig.RunForAsync(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
        Assert.True(rig.Manager.HasActiveTransaction(1));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
        Assert.Single(rig.Events, e => e.Trigger() == "EnergyLimitReached");
    }

    [Fact]
    public async Task TC_E_105_CS()
    {
        // CSMS specifies a time limit; it runs from the Started event (E16.FR.09).
        await using var rig = await ChargingWithLimitAsync("""{"maxTime":60}""");
        var started = rig.Events[0];
        Assert.Equal(60, Limit(await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet")).GetProperty("maxTime").GetInt32());

        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "TimeLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        var after = reached.GetProperty("timestamp").GetDateTimeOffset() - started.GetProperty("timestamp").GetDateTimeOffset();
        Assert.InRange(after, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(62));
    }

    [Fact]
    public async Task TC_E_104_CS()
    {
        // CSMS calculates costs (through TransactionEventResponse) and specifies the limit: it sets maxCost and reports the
        // running cost in each TransactionEventResponse (E16.FR.11/15).
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["SampledDataCtrlr.TxUpdatedInterval"] = "10" },
            script: csms => csms.Respond("TransactionEvent", request =>
            {
                var seqNo = request.GetProperty("seqNo").GetInt32();
                var cost = (0.25m * seqNo).ToString(CultureInfo.InvariantCulture);
                return seqNo == 0 ? """{"transactionLimit":{"maxCost":1.5},"totalCost":0}""" : $$"""{"totalCost":{{cost}}}""";
            }));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");

        Assert.Equal(1.5m, Limit(await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet")).GetProperty("maxCost").GetDecimal());
        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());

        // The limit acts on the first answer whose totalCost reaches it (seqNo 6 → 1.50), not before.
        Assert.Equal(7, reached.SeqNo());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task E16_FR_06_TxStopPointEnergyTransfer_LimitEndsTransaction()
    {
        await using var rig = await ChargingWithLimitAsync("""{"maxEnergy":50}""", new Dictionary<string, string> { ["TxCtrlr.TxStopPoint"] = "EnergyTransfer" });

        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended", TimeSpan.FromMinutes(3));
        Assert.Equal("EnergyLimitReached", ended.Trigger());
        Assert.Equal("EnergyLimitReached", ended.StoppedReason());
        Assert.Single(rig.Events, e => e.EventType() == "Ended");
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.False(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task E16_FR_14_LimitRaisedAfterSuspension_EnergyResumes()
    {
        // The answer to the EnergyLimitReached event raises the limit: LimitSet again, then charging again.
        await using var rig = await TransactionRig.StartAsync(script: csms => csms.Respond("TransactionEvent", request =>
            request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxEnergy":50}}"""
            : request.GetProperty("triggerReason").GetString() == "EnergyLimitReached" ? """{"transactionLimit":{"maxEnergy":500}}"""
            : "{}"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));

        await rig.RunUntilAsync(() => rig.Events.Count(e => e.Trigger() == "LimitSet") == 2);
        Assert.Equal(500m, Limit(rig.Events.Last(e => e.Trigger() == "LimitSet")).GetProperty("maxEnergy").GetDecimal());
        var again = await rig.WaitForEventAsync(e => e.SeqNo() > reached.SeqNo() && e.ChargingState() == "Charging", TimeSpan.FromMinutes(1));
        Assert.Equal("ChargingStateChanged", again.Trigger());
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task E16_LimitSurvivesRestart_ReachedAgainstTheOriginalStart_WithoutTheCsmsRepeatingIt()
    {
        await using var rig = await ChargingWithLimitAsync("""{"maxEnergy":150}""", new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = "300",
            ["TxCtrlr.AllowEnergyTransferResumption"] = "true",
        });
        await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        await rig.RunForAsync(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
        var before = (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh;
        Assert.True(before - StartRegisterWh is > 20m and < 150m, $"{before - StartRegisterWh} Wh before the restart");

        await rig.RestartAsync();
        await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));

        Assert.Equal(rig.Events[0].TxId(), reached.TxId());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        var register = (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh;
        Assert.InRange(register - StartRegisterWh, 150m, 165m);
        Assert.Single(rig.Events, e => e.Trigger() == "LimitSet");
    }

    [Fact]
    public async Task E16_LimitReachedBeforeRestart_EnergyStaysOffAfterResume()
    {
        await using var rig = await ChargingWithLimitAsync("""{"maxEnergy":30}""", new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = "300",
            ["TxCtrlr.AllowEnergyTransferResumption"] = "true",
        });
        await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(2));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);

        await rig.RestartAsync();
        await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        await rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.Single(rig.Events, e => e.Trigger() == "EnergyLimitReached");
    }

    [Fact]
    public async Task J02_TxEndedSamples_CollectedBeforePowerLoss_AreInTheEndedEventAfterRestart()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["SampledDataCtrlr.TxEndedInterval"] = "10" });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.RunForAsync(TimeSpan.FromSeconds(35), TimeSpan.FromMilliseconds(100));

        await rig.RestartAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");

        var samples = ended.Samples();
        Assert.Single(samples, s => s.Context == "Transaction.Begin");
        Assert.Single(samples, s => s.Context == "Transaction.End");
        var periodic = samples.Where(s => s.Context == "Sample.Periodic").Select(s => s.Value).ToList();
        Assert.Equal(3, periodic.Count);
        Assert.Equal(periodic.Order(), periodic);
    }

    [Fact]
    public async Task E05_FR_03_MaxEnergyOnInvalidId_EnergyContinuesThenStops_AllowanceKeptAcrossRestart()
    {
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string>
            {
                ["TxCtrlr.StopTxOnInvalidId"] = "false",
                ["TxCtrlr.MaxEnergyOnInvalidId"] = "100",
                ["TxCtrlr.ResumptionTimeout"] = "300",
                ["TxCtrlr.AllowEnergyTransferResumption"] = "true",
            },
            script: csms => csms.Respond("TransactionEvent", request => request.TryGetProperty("idToken", out _) ? """{"idTokenInfo":{"status":"Blocked"}}""" : "{}"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));

        // E05.FR.03: still charging after the rejection, within the allowance.
        Assert.True(rig.Controllers[0].Snapshot.ContactorClosed);
        var rejectedAt = (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh;

        // The allowance is journaled: a restart does not grant a fresh 100 Wh.
        await rig.RestartAsync();
        await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        var suspended = await rig.WaitForEventAsync(e => e.ChargingState() == "SuspendedEVSE", TimeSpan.FromMinutes(3));
        Assert.Equal("ChargingStateChanged", suspended.Trigger());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        var stoppedAt = (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh;
        Assert.InRange(stoppedAt - rejectedAt, 60m, 100m);
        Assert.True(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task CableMaxCurrent_FromTheProximityPilot_ReportedOnceAndKeptAcrossRestart()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.ResumptionTimeout"] = "300",
            ["SampledDataCtrlr.TxUpdatedInterval"] = "10",
        });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.RunForAsync(TimeSpan.FromSeconds(25), TimeSpan.FromMilliseconds(200));

        // The simulated cable is coded for 32 A (IEC 61851-1 PP resistor).
        var withCable = Assert.Single(rig.Events, e => e.Has("cableMaxCurrent"));
        Assert.Equal(32, withCable.GetProperty("cableMaxCurrent").GetInt32());
        Assert.Equal(0, withCable.SeqNo());

        await rig.RestartAsync();
        await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        await rig.RunForAsync(TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(200));
        Assert.Single(rig.Events, e => e.Has("cableMaxCurrent"));
    }

    private static JsonElement Limit(JsonElement e) => e.GetProperty("transactionInfo").GetProperty("transactionLimit");

    private static async Task<TransactionRig> ChargingWithLimitAsync(string limit, Dictionary<string, string>? config = null)
    {
        var rig = await TransactionRig.StartAsync(config, script: csms => csms.Respond("TransactionEvent", request =>
            request.GetProperty("seqNo").GetInt32() == 0 ? $$"""{"transactionLimit":{{limit}}}""" : "{}"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }
}
