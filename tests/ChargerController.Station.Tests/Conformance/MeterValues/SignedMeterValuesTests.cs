using System.Text.Json;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.MeterValues;

/// <summary>
/// Signed meter values (J01.FR.21, J02.FR.21, J02.FR.23; Part 2 §2.4, §2.9.4-6, §2.9.19-20, §2.9.25) with the simulated
/// meter that signs its register in OCMF, over the real WebSocket in virtual time. Every signature is checked with the
/// public key the station sent.
/// </summary>
public sealed class SignedMeterValuesTests
{
    private static readonly HarnessSetup SigningMeters = new() { Identity = identity => identity with { SignedMeterValues = true } };

    private static IReadOnlyList<JsonElement> MeterValues(TransactionRig rig) =>
        [.. rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "MeterValues").Select(f => f.Json!.Value[3])];

    private static async Task<TransactionRig> ChargingAsync(Dictionary<string, string> config)
    {
        var rig = await TransactionRig.StartAsync(config, setup: SigningMeters);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }

    /// <summary>The key sent once in the transaction (PublicKeyWithSignedMeterValue OncePerTransaction, the default).</summary>
    private static string KeyOf(TransactionRig rig)
    {
        var keys = rig.Events.SelectMany(SignedSample.Of).Select(s => s.PublicKey).Where(k => k.Length > 0).ToList();
        Assert.Single(keys);
        return keys[0];
    }

    private static void AssertSignedRegister(SignedSample sample, string key)
    {
        Assert.Equal("ECDSA-secp256r1-SHA256", sample.SigningMethod);
        Assert.Equal("OCMF", sample.EncodingMethod);
        Assert.True(sample.Verifies(key), "the signature verifies with the meter's public key");
        Assert.Equal(sample.Value, sample.Reading().RegisterWh);
    }

    // J01.FR.21 / AlignedDataCtrlr.SignReadings: the clock-aligned values collected for the Ended event are signed.
    [Fact]
    public async Task TC_J_04_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["AlignedDataCtrlr.Interval"] = "60",
            ["AlignedDataCtrlr.TxEndedInterval"] = "60",
            ["AlignedDataCtrlr.TxEndedMeasurands"] = "Energy.Active.Import.Register",
            ["AlignedDataCtrlr.SendDuringIdle"] = "false",
            ["AlignedDataCtrlr.SignReadings"] = "true",
        });
        await rig.RunForAsync(TimeSpan.FromSeconds(130), TimeSpan.FromMilliseconds(250));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        var key = KeyOf(rig);

        var clock = SignedSample.Of(ended).Where(s => s.Context == "Sample.Clock").ToList();
        Assert.True(clock.Count >= 2, "signed aligned values collected for the Ended event");
        Assert.Equal(clock.Count, ended.Samples().Count(s => s.Context == "Sample.Clock"));
        Assert.All(clock, s => AssertSignedRegister(s, key));
        Assert.All(clock, s => Assert.Equal("C", s.Reading().Tx));

        // AlignedDataCtrlr.SignUpdatedReadings (true by default): the MeterValueClock Updated events are signed too.
        var updated = rig.Events.Where(e => e.Trigger() == "MeterValueClock").ToList();
        Assert.NotEmpty(updated);
        Assert.All(updated, e => Assert.All(SignedSample.Of(e), s => AssertSignedRegister(s, key)));
        Assert.All(updated, e => Assert.NotEmpty(SignedSample.Of(e)));

        // SampledDataCtrlr.SignReadings is false: the Transaction.End value is not signed.
        Assert.DoesNotContain(SignedSample.Of(ended), s => s.Context == "Transaction.End");
    }

    // J02.FR.21 / SampledDataCtrlr.SignReadings: the sampled values of the Ended event (periodic and Transaction.End) are signed.
    [Fact]
    public async Task TC_J_11_CS()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["SampledDataCtrlr.TxEndedInterval"] = "60",
            ["SampledDataCtrlr.TxEndedMeasurands"] = "Energy.Active.Import.Register",
            ["SampledDataCtrlr.SignReadings"] = "true",
        });
        await rig.RunForAsync(TimeSpan.FromSeconds(130), TimeSpan.FromMilliseconds(250));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        var key = KeyOf(rig);

        var signed = SignedSample.Of(ended);
        Assert.Equal(ended.Samples().Count, signed.Count);
        Assert.Contains(signed, s => s.Context == "Sample.Periodic");
        Assert.Equal("Transaction.End", signed[^1].Context);
        Assert.Equal("E", signed[^1].Reading().Tx);
        Assert.Equal("B", signed[0].Reading().Tx);
        Assert.All(signed, s => AssertSignedRegister(s, key));

        // The registers only grow, and every data set is a different one (its own page number).
        Assert.True(signed.Zip(signed.Skip(1)).All(p => p.Second.Value >= p.First.Value));
        Assert.Equal(signed.Count, signed.Select(s => s.Ocmf).Distinct(StringComparer.Ordinal).Count());

        // SignStartedReadings (true by default): the Transaction.Begin value of the Started event is signed and carries the key.
        var started = SignedSample.Of(rig.Events[0]);
        Assert.Single(started);
        Assert.Equal(key, started[0].PublicKey);
        AssertSignedRegister(started[0], key);
    }

    [Fact]
    public async Task SignReadingsFalse_NoSignedMeterValue()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["SampledDataCtrlr.TxEndedInterval"] = "60" });
        await rig.RunForAsync(TimeSpan.FromSeconds(70), TimeSpan.FromMilliseconds(250));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.NotEmpty(ended.Samples());
        Assert.All(rig.Events, e => Assert.Empty(SignedSample.Of(e)));
    }

    // SampledDataCtrlr.SignStartedReadings / SignUpdatedReadings false narrow SignReadings to the Ended event (2.1);
    // PublicKeyWithSignedMeterValue EveryMeterValue puts the key on every signed value.
    [Fact]
    public async Task SignStartedAndUpdatedFalse_OnlyEndedSigned_KeyOnEvery()
    {
        await using var rig = await ChargingAsync(new Dictionary<string, string>
        {
            ["SampledDataCtrlr.TxUpdatedInterval"] = "30",
            ["SampledDataCtrlr.SignReadings"] = "true",
            ["SampledDataCtrlr.SignStartedReadings"] = "false",
            ["SampledDataCtrlr.SignUpdatedReadings"] = "false",
            ["OCPPCommCtrlr.PublicKeyWithSignedMeterValue"] = "EveryMeterValue",
        });
        await rig.WaitForEventAsync(e => e.Trigger() == "MeterValuePeriodic", TimeSpan.FromMinutes(1));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");

        Assert.All(rig.Events.Where(e => e.EventType() != "Ended"), e => Assert.Empty(SignedSample.Of(e)));
        var signed = SignedSample.Of(ended);
        Assert.NotEmpty(signed);
        Assert.All(signed, s => AssertSignedRegister(s, s.PublicKey));
    }

    // J01.FR.21 for an idle EVSE: the clock-aligned MeterValuesRequest carries the signed register and (outside a
    // transaction) the key; PublicKeyWithSignedMeterValue Never sends it empty.
    [Theory]
    [InlineData("OncePerTransaction", true)]
    [InlineData("Never", false)]
    public async Task AlignedIdle_MeterValuesSigned(string keyMode, bool withKey)
    {
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string>
            {
                ["AlignedDataCtrlr.Interval"] = "60",
                ["AlignedDataCtrlr.SignReadings"] = "true",
                ["OCPPCommCtrlr.PublicKeyWithSignedMeterValue"] = keyMode,
            },
            setup: SigningMeters);
        await rig.RunUntilAsync(() => MeterValues(rig).Count >= 2, TimeSpan.FromMinutes(3));
        var samples = MeterValues(rig).Take(2).Select(SignedSample.Of).ToList();
        Assert.All(samples, s => Assert.Single(s));
        Assert.All(samples, s => Assert.Equal("T", s[0].Reading().Tx));
        if (withKey)
        {
            Assert.All(samples, s => Assert.True(s[0].Verifies(s[0].PublicKey)));
        }
        else
        {
            Assert.All(samples, s => Assert.Equal(string.Empty, s[0].PublicKey));
            Assert.True(samples[0][0].Verifies(rig.Meter().Signer!.PublicKey));
        }
    }
}
