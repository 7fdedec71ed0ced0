using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// TC_C_15-18 (C12, E05): a token Accepted in the authorization cache starts a transaction offline; after the reconnect the
/// CSMS answers the queued TransactionEvents with Invalid, and the station follows StopTxOnInvalidId / MaxEnergyOnInvalidId.
/// The real AuthorizationService (cache, offline policy) authorizes; the CSMS double is the OCTT.
/// </summary>
public sealed class CachedTokenRejectedTests
{
    private const string Token = "04C0FFEE";

    [Fact]
    public async Task TC_C_15_CS()
    {
        // StopTxOnInvalidId false, MaxEnergyOnInvalidId 10000: the energy goes on; neither Deauthorized nor SuspendedEVSE.
        await using var rig = await StartedOfflineThenRejectedAsync(stopTxOnInvalidId: false, maxEnergyOnInvalidId: 10_000);

        await rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "Deauthorized");
        // (The queued offline events show the EVSE's own start-up states; after the rejection nothing suspends.)
        Assert.DoesNotContain(rig.Events, e => !e.IsOffline() && e.ChargingState() == "SuspendedEVSE");
        Assert.True(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.True(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_C_16_CS()
    {
        // StopTxOnInvalidId true: the transaction is deauthorized (E05.FR.10 with TxStopPoint Authorized) and the energy stops.
        await using var rig = await StartedOfflineThenRejectedAsync(stopTxOnInvalidId: true, maxEnergyOnInvalidId: 0);
        await AssertDeauthorizedAsync(rig);
    }

    [Fact]
    public async Task TC_C_17_CS()
    {
        // StopTxOnInvalidId false, MaxEnergyOnInvalidId 0: energy stops at once, Updated ChargingStateChanged SuspendedEVSE (E05.FR.02).
        await using var rig = await StartedOfflineThenRejectedAsync(stopTxOnInvalidId: false, maxEnergyOnInvalidId: 0);

        var suspended = await rig.WaitForEventAsync(e => e.ChargingState() == "SuspendedEVSE" && !e.IsOffline(), TimeSpan.FromMinutes(1));
        Assert.Equal("ChargingStateChanged", suspended.Trigger());
        Assert.Equal("Updated", suspended.EventType());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "Deauthorized");
        Assert.True(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_C_18_CS()
    {
        // StopTxOnInvalidId true wins over MaxEnergyOnInvalidId (which only counts when StopTxOnInvalidId is false).
        await using var rig = await StartedOfflineThenRejectedAsync(stopTxOnInvalidId: true, maxEnergyOnInvalidId: 500);
        await AssertDeauthorizedAsync(rig);
    }

    private static async Task AssertDeauthorizedAsync(TransactionRig rig)
    {
        var deauthorized = await rig.WaitForEventAsync(e => e.Trigger() == "Deauthorized", TimeSpan.FromMinutes(1));
        Assert.Equal("Ended", deauthorized.EventType());
        Assert.Equal("DeAuthorized", deauthorized.StoppedReason());
        Assert.False(deauthorized.IsOffline());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    private static async Task<TransactionRig> StartedOfflineThenRejectedAsync(bool stopTxOnInvalidId, int maxEnergyOnInvalidId)
    {
        AuthorizationService? auth = null;
        var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string>
            {
                ["AuthCtrlr.LocalPreAuthorize"] = "true",
                ["AuthCtrlr.LocalAuthorizeOffline"] = "true",
                ["TxCtrlr.StopTxOnInvalidId"] = stopTxOnInvalidId ? "true" : "false",
                ["TxCtrlr.MaxEnergyOnInvalidId"] = maxEnergyOnInvalidId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            authorizerFactory: station => auth = new AuthorizationService(station.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), station.Time, NullLoggerFactory.Instance));

        // Memory state: the token is Accepted in the cache (as an earlier answer put it there, C10.FR.05).
        auth!.OnIdTokenInfoReceived(new IdTokenType { IdToken = Token, Type = "ISO14443" }, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted });
        await rig.PlugAsync();

        // 1. The OCTT closes the connection and refuses reconnects; the driver presents the cached token.
        rig.Csms.RefuseConnections(int.MaxValue);
        rig.Session.Abort();
        await rig.RunUntilAsync(() => !rig.Harness.Runtime.IsConnected);
        Assert.True((await rig.TapAsync(Token)).Accepted);
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.ContactorClosed);
        await rig.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        Assert.Empty(rig.Events);

        // 2-4. Reconnect: the queued events arrive offline=true; the one with the idToken is answered Invalid.
        rig.Csms.Respond("TransactionEvent", request => request.TryGetProperty("idToken", out _) ? """{"idTokenInfo":{"status":"Invalid"}}""" : "{}");
        rig.Csms.AcceptConnections();
        await rig.WaitReconnectedAsync();
        var withToken = await rig.WaitForEventAsync(e => e.IdToken() == Token, TimeSpan.FromMinutes(5));
        Assert.True(withToken.IsOffline());
        Assert.Equal("Started", rig.Events[0].EventType());
        Assert.True(rig.Events[0].IsOffline());
        return rig;
    }
}
