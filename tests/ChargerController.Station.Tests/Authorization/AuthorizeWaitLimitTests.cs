using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.Runtime;
using ChargerController.Station.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>
/// How long a driver's Authorize may wait: twice the CALL timeout of the connection in use (the active network profile's
/// messageTimeout, B09), not twice OCPPCommCtrlr.MessageTimeout[Default].
/// </summary>
public sealed class AuthorizeWaitLimitTests : IAsyncLifetime
{
    private AuthorizationService _auth = null!;
    private StationModuleContext _context = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync(modules: h =>
        {
            _auth = new AuthorizationService(h.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), h.Time, NullLoggerFactory.Instance);
            return [_auth, new ContextProbe(c => _context = c)];
        });
        await _h.WaitAcceptedAsync();
        _h.Csms.Ignore("Authorize");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Authorize_ProfileMessageTimeoutLongerThanDefault_WaitsBeyondTwiceTheDefault_TakesTheCsmsAnswer()
    {
        // MessageTimeout[Default] is 30 s; the network profile in use says 120 s.
        _context.SetMessageTimeout(TimeSpan.FromSeconds(120));
        Assert.Equal(TimeSpan.FromSeconds(120), _context.MessageTimeout);

        var pending = _auth.AuthorizeAsync(Token("04A1B2C3"), 1, AuthorizationPurpose.Start, CancellationToken.None).AsTask();
        var call = await _h.Session.WaitForCallAsync("Authorize", TimeSpan.FromSeconds(20));

        // Past the old limit (2 × 30 s): the driver still waits for the CSMS, whose answer then counts.
        _h.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.False(pending.IsCompleted);
        var messageId = call.Json!.Value[1].GetString();
        await _h.Session.SendTextAsync("[3,\"" + messageId + "\",{\"idTokenInfo\":{\"status\":\"Accepted\"}}]");

        var decision = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(decision.Accepted);
        Assert.Equal(AuthorizationSource.Csms, decision.Source);
    }

    private static IdTokenType Token(string id) => new() { IdToken = id, Type = "ISO14443" };

    private sealed class ContextProbe(Action<StationModuleContext> attached) : IStationModule
    {
        public void Attach(StationModuleContext context) => attached(context);
    }
}
