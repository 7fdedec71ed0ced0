using ChargerController.Station.Authorization;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Testing.Csms;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// OCPP 2.1 C17 authorization with a prepaid card (certification profile P-2.1, TC_C_103/104) with the real
/// authorization service. The OCA step-by-step scenarios are not available: the tests follow the use case's scenario #1
/// and C17.FR.01-05 (Accepted/NoCredit with cacheExpiryDateTime = now, maxCost = the balance, E16 enforcement).
/// </summary>
public sealed class PrepaidCardTests
{
    private const string Card = "04A1B2C3";

    [Fact]
    public async Task TC_C_103_CS()
    {
        var authorizations = 0;
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["SampledDataCtrlr.TxUpdatedInterval"] = "10" },
            script: csms =>
            {
                csms.Respond("Authorize", _ =>
                {
                    Interlocked.Increment(ref authorizations);
                    return """{"idTokenInfo":{"status":"Accepted","cacheExpiryDateTime":"2025-01-01T12:00:00Z"}}""";
                });

                // C17.FR.03: maxCost = the balance, once; then the running cost (central cost calculation).
                csms.Respond("TransactionEvent", request => request.GetProperty("seqNo").GetInt32() switch
                {
                    0 => """{"transactionLimit":{"maxCost":3.0},"totalCost":0}""",
                    < 4 => """{"totalCost":1.0}""",
                    _ => """{"totalCost":3.0}""",
                });
            },
            authorizerFactory: station => new AuthorizationService(station.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), station.Time, NullLoggerFactory.Instance));

        Assert.True((await rig.TapAsync(Card)).Accepted);
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal(Card, started.IdToken());

        // C17.FR.04: energy is offered; E16: the limit is confirmed once and acts when the cost reaches it.
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var limitSet = await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(3.0m, limitSet.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal());
        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.Single(rig.Events, e => e.Trigger() == "LimitSet");

        // Prepaid tokens are not kept in the cache (C17 remark, cacheExpiryDateTime = now): the next use asks the CSMS again.
        await rig.UnplugAsync();
        await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        var before = Volatile.Read(ref authorizations);
        await rig.TapAsync(Card);
        Assert.Equal(before + 1, Volatile.Read(ref authorizations));
    }

    [Fact]
    public async Task TC_C_104_CS()
    {
        await using var rig = await TransactionRig.StartAsync(
            script: csms => csms.Respond("Authorize", """{"idTokenInfo":{"status":"NoCredit","cacheExpiryDateTime":"2025-01-01T12:00:00Z"}}"""),
            authorizerFactory: station => new AuthorizationService(station.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), station.Time, NullLoggerFactory.Instance));

        // C17.FR.05: NoCredit: no transaction, no energy, whether the EV comes before or after the card.
        var result = await rig.TapAsync(Card);
        Assert.False(result.Accepted);
        Assert.Single(rig.Csms.Frames, f => f.Direction == FrameDirection.FromStation && f.Action == "Authorize");
        await rig.PlugAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.False((await rig.TapAsync(Card)).Accepted);
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.Null(rig.Sessions.SessionOf(1));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Events, e => e.Has("idToken"));

        // Not cached either: the second tap asked the CSMS again.
        Assert.Equal(2, rig.Csms.Frames.Count(f => f.Direction == FrameDirection.FromStation && f.Action == "Authorize"));
    }
}
