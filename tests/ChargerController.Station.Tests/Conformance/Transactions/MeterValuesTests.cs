using System.Text.Json;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Clock-aligned (J01) and sampled (J02) meter values, OCA Part 6 scenarios, in virtual time.</summary>
public sealed class MeterValuesTests
{
    private static IReadOnlyList<JsonElement> MeterValues(TransactionRig rig) =>
        [.. rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "MeterValues").Select(f => f.Json!.Value[3])];

    private static async Task<TransactionRig> ChargingAsync(Dictionary<string, string> config)
    {
        var rig = await TransactionRig.StartAsync(config);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }

    [Fact]
    public async Task TC_J_01_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["AlignedDataCtrlr.Interval"] = "60" });
        await rig.RunUntilAsync(() => MeterValues(rig).Count >= 3, TimeSpan.FromMinutes(4));
        var sent = MeterValues(rig);
        var stamps = sent.Select(m => m.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.All(stamps, t => Assert.Equal(0, t.Second));
        Assert.Equal(TimeSpan.FromSeconds(60), stamps[1] - stamps[0]);
        Assert.Equal(TimeSpan.FromSeconds(60), stamps[2] - stamps[1]);
        foreach (var message in sent)
        {
            Assert.Equal(1, message.GetProperty("evseId").GetInt32());
            var sample = message.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
            Assert.Equal("Sample.Clock", sample.GetProperty("context").GetString());
            Assert.Equal("Energy.Active.Import.Register", sample.GetProperty("measurand").GetString());
            Assert.Equal("Wh", sample.GetProperty("unitOfMeasure").GetProperty("unit").GetString());
        }
    }

    [Fact]
    public async Task TC_J_02_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["AlignedDataCtrlr.Interval"] = "60" });
        var clock = await rig.WaitForEventAsync(e => e.Trigger() == "MeterValueClock", TimeSpan.FromMinutes(2));
        Assert.Equal("Updated", clock.EventType());
        Assert.All(clock.Samples(), s => Assert.Equal("Sample.Clock", s.Context));
        Assert.Equal(0, clock.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset().Second);
    }

    [Fact]
    public async Task TC_J_06_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["AlignedDataCtrlr.Interval"] = "60", ["AlignedDataCtrlr.SendDuringIdle"] = "true" });
        await rig.RunForAsync(TimeSpan.FromSeconds(130), TimeSpan.FromMilliseconds(250));
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "MeterValueClock");
        Assert.Empty(MeterValues(rig));
    }

    [Fact]
    public async Task TC_J_03_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["AlignedDataCtrlr.Interval"] = "60",
            ["AlignedDataCtrlr.TxEndedInterval"] = "60",
            ["AlignedDataCtrlr.TxEndedMeasurands"] = "Energy.Active.Import.Register",
        });
        await rig.RunForAsync(TimeSpan.FromSeconds(130), TimeSpan.FromMilliseconds(250));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        var clock = ended.Samples().Where(s => s.Context == "Sample.Clock").ToList();
        Assert.True(clock.Count >= 2, "aligned values collected for the Ended event");
        Assert.True(clock.Zip(clock.Skip(1)).All(p => p.Second.Value >= p.First.Value));
    }

    [Fact]
    public async Task TC_J_07_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["SampledDataCtrlr.TxStartedMeasurands"] = "Energy.Active.Import.Register,Voltage" });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        var samples = started.Samples();
        Assert.All(samples, s => Assert.Equal("Transaction.Begin", s.Context));
        Assert.Contains(samples, s => s.Measurand == "Energy.Active.Import.Register" && s.Value == 1000m);
        Assert.Equal(["L1-N", "L2-N", "L3-N"], samples.Where(s => s.Measurand == "Voltage").Select(s => s.Phase));
        Assert.Equal(1, started.GetProperty("evse").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task TC_J_09_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["SampledDataCtrlr.TxUpdatedInterval"] = "10" });
        await rig.RunUntilAsync(() => rig.Events.Count(e => e.Trigger() == "MeterValuePeriodic") >= 2);
        var periodic = rig.Events.First(e => e.Trigger() == "MeterValuePeriodic");
        Assert.Equal("Updated", periodic.EventType());
        var samples = periodic.Samples();
        Assert.All(samples, s => Assert.Equal("Sample.Periodic", s.Context));
        Assert.Contains(samples, s => s.Measurand == "Energy.Active.Import.Register" && s.Value > 1000m);
        Assert.Contains(samples, s => s.Measurand == "Power.Active.Import" && s.Phase is null && s.Value > 10_000m);
        Assert.Equal(["L1", "L2", "L3"], samples.Where(s => s.Measurand == "Current.Import").Select(s => s.Phase));
        Assert.All(samples.Where(s => s.Measurand == "Current.Import"), s => Assert.InRange(s.Value, 15.5m, 16.5m));
        var all = rig.Events.Where(e => e.Trigger() == "MeterValuePeriodic").ToList();
        Assert.True(all.Count >= 2);
        var first = all[0].GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset();
        var second = all[1].GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(10), second - first);
    }

    [Fact]
    public async Task TC_J_10_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["SampledDataCtrlr.TxEndedInterval"] = "10",
            ["SampledDataCtrlr.TxEndedMeasurands"] = "Energy.Active.Import.Register,Current.Import",
        });
        await rig.RunForAsync(TimeSpan.FromSeconds(35), TimeSpan.FromMilliseconds(100));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        var registers = ended.Samples().Where(s => s.Measurand == "Energy.Active.Import.Register").ToList();
        Assert.Equal("Transaction.Begin", registers[0].Context);
        Assert.Equal("Transaction.End", registers[^1].Context);
        Assert.True(registers.Count(s => s.Context == "Sample.Periodic") >= 3);
        Assert.True(registers.Zip(registers.Skip(1)).All(p => p.Second.Value >= p.First.Value), "the register never goes down");
        Assert.Contains(ended.Samples(), s => s.Measurand == "Current.Import" && s.Phase == "L2");
    }

    [Fact]
    public async Task TC_F_11_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        var reply = await rig.Session.CallAsync("TriggerMessage", """{"requestedMessage":"MeterValues","evse":{"id":1}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => MeterValues(rig).Count >= 1);
        var sample = MeterValues(rig)[0].GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
        Assert.Equal("Trigger", sample.GetProperty("context").GetString());
    }

    [Fact]
    public async Task TC_F_13_CS()
    {
        await using var rig = await ChargingAsync([]);
        var reply = await rig.Session.CallAsync("TriggerMessage", """{"requestedMessage":"TransactionEvent","evse":{"id":1}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var triggered = await rig.WaitForEventAsync(e => e.Trigger() == "Trigger");
        Assert.Equal("Updated", triggered.EventType());
        Assert.Equal("Charging", triggered.ChargingState());
        Assert.Contains(triggered.Samples(), s => s.Context == "Trigger");
    }
}
