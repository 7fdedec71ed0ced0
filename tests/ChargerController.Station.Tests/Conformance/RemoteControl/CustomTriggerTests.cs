using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Station.MeterValues;
using ChargerController.Station.Tests.Conformance.MeterValues;

namespace ChargerController.Station.Tests.Conformance.RemoteControl;

/// <summary>
/// TriggerMessage with requestedMessage CustomTrigger (OCPP 2.1 F06.FR.18/19, Part 2 §2.1.35 CustomTriggers) over the
/// real WebSocket: the <c>SignedMeterValues</c> custom trigger of a station whose EVSE 1 meter signs (EVSE 2 has none).
/// </summary>
public sealed class CustomTriggerTests : IAsyncLifetime
{
    private SimulatedEvse? _evse;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync(
            setup: new HarnessSetup { Identity = identity => identity with { SignedMeterValues = true, CustomTriggers = [SignedMeterValuesTrigger.Name] } },
            configurePorts: (h, ports) =>
            {
                _evse ??= new SimulatedEvse(h.Time, new SimulatedEvseOptions { Meter = new SimulatedMeterOptions { InitialEnergyImportWh = 1234.5 } });
                var trigger = new SignedMeterValuesTrigger(new Dictionary<int, IEnergyMeter> { [1] = _evse.Meter }, h.Time);
                return ports with { TriggerSources = [.. ports.TriggerSources, trigger] };
            });
        _h.Csms.Respond("MeterValues", "{}");
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        _evse?.Dispose();
    }

    // F06.FR.18: a custom trigger listed in CustomTriggers → Accepted and the message sent; F06.FR.19: any other name →
    // NotImplemented.
    [Fact]
    public async Task TC_F_100_CS()
    {
        Assert.Equal("SignedMeterValues", await GetAsync("CustomizationCtrlr", "CustomTriggers"));

        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"CustomTrigger","customTrigger":"SignedMeterValues","evse":{"id":1}}"""));
        var meterValues = await _h.WaitForCallsAsync("MeterValues", 1);
        Assert.Equal(1, meterValues.GetProperty("evseId").GetInt32());
        var sampled = meterValues.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
        Assert.Equal("Trigger", sampled.GetProperty("context").GetString());
        Assert.Equal(1234.5m, sampled.GetProperty("value").GetDecimal());
        var signed = Assert.Single(SignedSample.Of(meterValues));
        Assert.Equal(_evse!.Meter.Signer!.PublicKey, signed.PublicKey);
        Assert.True(signed.Verifies(signed.PublicKey));
        Assert.Equal(1234.5m, signed.Reading().RegisterWh);

        Assert.Equal("NotImplemented", await TriggerAsync("""{"requestedMessage":"CustomTrigger","customTrigger":"NoSuchTrigger"}"""));
        Assert.Equal("NotImplemented", await TriggerAsync("""{"requestedMessage":"CustomTrigger","customTrigger":"signedmetervalues"}"""));
    }

    [Fact]
    public void CustomTrigger_NoMeterCanSign_NotImplemented()
    {
        var unsigned = new SignedMeterValuesTrigger(new Dictionary<int, IEnergyMeter> { [1] = new PlainMeter() }, _h.Time);
        Assert.False(unsigned.Accepts(null));
        Assert.False(unsigned.Accepts(1));
        Assert.True(new SignedMeterValuesTrigger(new Dictionary<int, IEnergyMeter> { [1] = _evse!.Meter }, _h.Time).Accepts(null));
    }

    [Fact]
    public async Task CustomTrigger_AllEvses_OneMessagePerSigningMeter()
    {
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"CustomTrigger","customTrigger":"SignedMeterValues"}"""));
        await _h.WaitForCallsAsync("MeterValues", 1);

        // The answer to the one MeterValues and a Heartbeat after it: nothing else was sent for EVSE 2 meanwhile.
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"Heartbeat"}"""));
        await _h.WaitForCallsAsync("Heartbeat", 1);
        Assert.Single(_h.Calls("MeterValues"));
    }

    [Theory]
    [InlineData("""{"requestedMessage":"CustomTrigger","customTrigger":"SignedMeterValues","evse":{"id":2}}""")] // EVSE 2's meter cannot sign
    [InlineData("""{"requestedMessage":"CustomTrigger","customTrigger":"SignedMeterValues","evse":{"id":9}}""")] // no such EVSE
    [InlineData("""{"requestedMessage":"CustomTrigger"}""")] // no name to look up
    public async Task CustomTrigger_CannotServe_Rejected(string request)
    {
        Assert.Equal("Rejected", await TriggerAsync(request));
        Assert.Equal("Accepted", await TriggerAsync("""{"requestedMessage":"Heartbeat"}"""));
        await _h.WaitForCallsAsync("Heartbeat", 1);
        Assert.Empty(_h.Calls("MeterValues"));
    }

    private async Task<string?> TriggerAsync(string payload)
    {
        var reply = await _h.Session.CallAsync("TriggerMessage", payload);
        Assert.Equal(3, reply[0].GetInt32());
        return reply[2].GetProperty("status").GetString();
    }

    private async Task<string?> GetAsync(string component, string variable)
    {
        var reply = await _h.Session.CallAsync("GetVariables", $$$"""{"getVariableData":[{"component":{"name":"{{{component}}}"},"variable":{"name":"{{{variable}}}"}}]}""");
        var result = reply[2].GetProperty("getVariableResult")[0];
        Assert.Equal("Accepted", result.GetProperty("attributeStatus").GetString());
        return result.TryGetProperty("attributeValue", out var value) ? value.GetString() : null;
    }

    private sealed class PlainMeter : IEnergyMeter
    {
        public int Phases => 1;

        public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new MeterReading(DateTimeOffset.UnixEpoch, [230.0], [0.0], [0.0], 0, 1, null, null));
    }
}
