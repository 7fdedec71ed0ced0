using ChargerController.Station.Authorization;
using ChargerController.Testing.Csms;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>OCPP 2.1 TC_C_100: authorization first with an RFID card online, then no cable within EVConnectionTimeOut (C01, E03.FR.05).</summary>
public sealed class AuthorizationFirstTimeoutTests
{
    [Fact]
    public async Task TC_C_100_CS()
    {
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string>
            {
                ["TxCtrlr.TxStartPoint"] = "Authorized",
                ["TxCtrlr.TxStopPoint"] = "Authorized,EVConnected",
                ["TxCtrlr.EVConnectionTimeOut"] = "30",
            },
            authorizerFactory: station => new AuthorizationService(station.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), station.Time, NullLoggerFactory.Instance));

        // The unknown card goes to the CSMS first (C01.FR.02), then the transaction starts on the authorization.
        Assert.True((await rig.TapAsync("04A1B2C3")).Accepted);
        var started = await rig.WaitForEventAsync(1);
        var authorize = Assert.Single(rig.Csms.Frames, f => f.Direction == FrameDirection.FromStation && f.Action == "Authorize");
        Assert.Equal("04A1B2C3", authorize.Json!.Value[3].GetProperty("idToken").GetProperty("idToken").GetString());
        Assert.Equal(("Started", "Authorized", "04A1B2C3"), (started.EventType(), started.Trigger(), started.IdToken()));

        // No cable: not before 30 s ...
        await rig.RunForAsync(TimeSpan.FromSeconds(29), TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");

        // ... then Ended, EVConnectTimeout / Timeout, and the EVSE is free again.
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended", TimeSpan.FromSeconds(5));
        Assert.Equal(("EVConnectTimeout", "Timeout", started.TxId()), (ended.Trigger(), ended.StoppedReason(), ended.TxId()));
        Assert.False(rig.Manager.HasActiveTransaction(1));
        Assert.Null(rig.Sessions.SessionOf(1));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
    }
}
