using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>Block O on a 2.0.1 connection: answers stay inside the 2.0.1 schema.</summary>
public sealed class Ocpp201DisplayMessageTests : IAsyncLifetime
{
    private DisplayStation _s = null!;

    public async Task InitializeAsync() => _s = await DisplayStation.StartAsync(setup: new HarnessSetup
    {
        Csms = new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef", SupportedSubprotocols = ["ocpp2.0.1"] },
    });

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task SetDisplayMessage_UnsupportedLanguageOn201_Rejected()
    {
        Assert.Equal("Rejected", await _s.SetAsync("""{"id":1,"priority":"NormalCycle","message":{"format":"UTF8","language":"ja","content":"x"}}"""));
        Assert.Equal("Accepted", await _s.SetAsync(DisplayStation.Message(2)));
        Assert.Equal("Accepted", (await _s.GetAsync()).Status);
    }
}
