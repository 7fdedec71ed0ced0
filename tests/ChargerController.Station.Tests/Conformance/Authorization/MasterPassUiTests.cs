using System.Text.Json;
using ChargerController.Station.Authorization;
using ChargerController.Station.Sessions;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Testing.Csms;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>
/// C16 master pass on a station with a UI (C16.FR.01/07/08): the AuthorizeRequest tells the station the token's group is
/// AuthCtrlr.MasterPassGroupId; the Master Pass UI (<see cref="MasterPassPrompt"/>) lets its holder stop all or some
/// running transactions, which end with stoppedReason MasterPass. Two EVSEs charging, real AuthorizationService, over
/// the real WebSocket in virtual time.
/// </summary>
public sealed class MasterPassUiTests
{
    private const string Master = "MP01";

    private static async Task<(TransactionRig Rig, MasterPassPrompt Prompt)> TwoChargingAsync()
    {
        MasterPassPrompt? prompt = null;
        var ui = new DeferredUi(() => prompt!);
        var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["AuthCtrlr.MasterPassGroupId"] = "MASTERGROUP" },
            evses: 2,
            sessionOptions: new SessionCoordinatorOptions { MasterPassGroupId = () => "MASTERGROUP", MasterPassUi = ui },
            authorizerFactory: station => new AuthorizationService(station.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), station.Time, NullLoggerFactory.Instance),
            script: csms => csms.Respond("Authorize", request => request.GetProperty("idToken").GetProperty("idToken").GetString() == Master
                ? """{"idTokenInfo":{"status":"Accepted","groupIdToken":{"idToken":"MASTERGROUP","type":"Central"}}}"""
                : """{"idTokenInfo":{"status":"Accepted"}}"""));
        prompt = new MasterPassPrompt(rig.Harness.Time);
        await rig.PlugAsync(1);
        await rig.TapAsync("CARD1");
        await rig.PlugAsync(2);
        await rig.TapAsync("CARD2");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1) && rig.Manager.HasActiveTransaction(2));
        return (rig, prompt);
    }

    /// <summary>Presents the master pass and waits (real time, no virtual time passing) until the UI shows the choice.</summary>
    private static async Task<Task<SessionStartResult>> PresentMasterPassAsync(TransactionRig rig, MasterPassPrompt prompt)
    {
        var tap = rig.TapAsync(Master);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (prompt.Offered is null)
        {
            Assert.False(tap.IsCompleted, "the master pass finished without showing the UI");
            Assert.True(DateTime.UtcNow < deadline, "the Master Pass UI was not shown");
            await Task.Delay(5);
        }

        Assert.Equal([1, 2], prompt.Offered);
        return tap;
    }

    private static void AssertStepOne(TransactionRig rig)
    {
        // Step 1: the AuthorizeRequest carries the master pass token.
        var authorize = rig.Csms.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Action == "Authorize")
            .Select(f => f.Json!.Value[3].GetProperty("idToken")).Single(t => t.GetProperty("idToken").GetString() == Master);
        Assert.Equal("ISO14443", authorize.GetProperty("type").GetString());
    }

    private static void AssertEndedByMasterPass(JsonElement ended)
    {
        Assert.Equal("MasterPass", ended.StoppedReason());
        Assert.True(ended.IdToken() is null or Master);
    }

    [Fact]
    public async Task TC_C_47_CS()
    {
        var (rig, prompt) = await TwoChargingAsync();
        await using (rig)
        {
            var tap = await PresentMasterPassAsync(rig, prompt);
            AssertStepOne(rig);

            // Manual action: select to stop all transactions.
            Assert.True(prompt.SelectAll());
            var result = await tap.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(result.Accepted);
            await rig.RunUntilAsync(() => rig.Events.Count(e => e.EventType() == "Ended") == 2);
            var ended = rig.Events.Where(e => e.EventType() == "Ended").ToList();
            Assert.All(ended, AssertEndedByMasterPass);
            Assert.False(rig.Manager.HasActiveTransaction(1) || rig.Manager.HasActiveTransaction(2));
            Assert.Null(prompt.Offered);
        }
    }

    [Fact]
    public async Task TC_C_48_CS()
    {
        var (rig, prompt) = await TwoChargingAsync();
        await using (rig)
        {
            var second = rig.Manager.GetTransactionId(2);
            var tap = await PresentMasterPassAsync(rig, prompt);
            AssertStepOne(rig);

            // Manual action: select the transaction on EVSE 2 only (an EVSE that is not offered is refused).
            Assert.False(prompt.Select([3]));
            Assert.True(prompt.Select([2]));
            await tap.WaitAsync(TimeSpan.FromSeconds(30));
            var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
            Assert.Equal(second, ended.TxId());
            AssertEndedByMasterPass(ended);

            // EVSE 1 charges on.
            await rig.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250));
            Assert.Single(rig.Events, e => e.EventType() == "Ended");
            Assert.True(rig.Manager.HasActiveTransaction(1));
        }
    }

    [Fact]
    public async Task MasterPassUi_NobodyChooses_NothingStoppedAfterTimeout()
    {
        var (rig, prompt) = await TwoChargingAsync();
        await using (rig)
        {
            var tap = await PresentMasterPassAsync(rig, prompt);
            await rig.RunUntilAsync(() => tap.IsCompleted, TimeSpan.FromMinutes(3));
            Assert.Contains("0 session(s) stopped", (await tap).Reason, StringComparison.Ordinal);
            await rig.RunForAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));
            Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
            Assert.True(rig.Manager.HasActiveTransaction(1) && rig.Manager.HasActiveTransaction(2));
        }
    }

    // The prompt is made once the rig's clock exists; the session options are made before.
    private sealed class DeferredUi(Func<IMasterPassUi> ui) : IMasterPassUi
    {
        public Task<IReadOnlyCollection<int>> ChooseAsync(IReadOnlyList<int> running, CancellationToken cancellationToken) => ui().ChooseAsync(running, cancellationToken);
    }
}
