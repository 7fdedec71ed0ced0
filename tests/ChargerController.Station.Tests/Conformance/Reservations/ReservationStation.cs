using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Reservations;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Reservations;

/// <summary>
/// The station harness with the reservation block attached, plus the CSMS-side steps the H test cases share. The
/// "Authorized" reusable state of the OCA cases is driven the way the transaction layer does it: it asks
/// <see cref="IReservationGate.Check"/> for the EVSE and token, refuses when not allowed, and calls
/// <see cref="IReservationGate.ConsumeAsync"/> with the reservation id it got (which also goes into its first
/// TransactionEvent, H01.FR.15) when it starts.
/// </summary>
public sealed class ReservationStation : IAsyncDisposable
{
    public const string TokenType = "ISO14443";

    private ReservationStation(StationHarness harness) => H = harness;

    public StationHarness H { get; }

    /// <summary>Gets the block attached to the current runtime (a new one after each restart).</summary>
    public ReservationManager Manager => (ReservationManager)H.Modules.Single();

    public IReservationGate Gate => Manager;

    /// <summary>Starts the station with <paramref name="evses"/> EVSEs and waits for the boot status reports.</summary>
    /// <param name="evses">Number of EVSEs (one connector each, type cType2).</param>
    /// <param name="store">Creates the reservation store for each runtime start (default: one in-memory store for all).</param>
    /// <param name="deviceModel">Device-model store (default in memory).</param>
    public static async Task<ReservationStation> StartAsync(int evses = 2, Func<IReservationStore>? store = null, IDeviceModelStore? deviceModel = null)
    {
        var shared = new InMemoryReservationStore();
        store ??= () => shared;
        var harness = await StationHarness.StartAsync(
            evses: evses,
            store: deviceModel,
            modules: h => [new ReservationManager(store(), h.Connectors, h.Transactions)]);
        harness.Csms.Respond("ReservationStatusUpdate", "{}");
        await harness.WaitAcceptedAsync();
        await harness.WaitForCallsAsync("StatusNotification", evses);
        return new ReservationStation(harness);
    }

    public static IdTokenType Token(string value) => new() { IdToken = value, Type = TokenType };

    public static IdTokenType Group(string value) => new() { IdToken = value, Type = "Central" };

    /// <summary>Sends ReserveNow and returns the answered status.</summary>
    public async Task<string> ReserveAsync(int id, string token, int? evseId = null, string? connectorType = null, string? group = null, int expirySeconds = 3600)
    {
        var expiry = H.Time.GetUtcNow().AddSeconds(expirySeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var payload = new Dictionary<string, object>
        {
            ["id"] = id,
            ["expiryDateTime"] = expiry,
            ["idToken"] = new Dictionary<string, string> { ["idToken"] = token, ["type"] = TokenType },
        };
        if (evseId is { } evse)
        {
            payload["evseId"] = evse;
        }

        if (connectorType is not null)
        {
            payload["connectorType"] = connectorType;
        }

        if (group is not null)
        {
            payload["groupIdToken"] = new Dictionary<string, string> { ["idToken"] = group, ["type"] = "Central" };
        }

        var reply = await H.Session.CallAsync("ReserveNow", JsonSerializer.Serialize(payload));
        return reply[2].GetProperty("status").GetString()!;
    }

    public async Task<string> CancelAsync(int id) =>
        (await H.Session.CallAsync("CancelReservation", $$"""{"reservationId":{{id}}}"""))[2].GetProperty("status").GetString()!;

    public async Task<string> ChangeAvailabilityAsync(string payload) =>
        (await H.Session.CallAsync("ChangeAvailability", payload))[2].GetProperty("status").GetString()!;

    /// <summary>Waits for the <paramref name="occurrence"/>-th StatusNotification of <paramref name="status"/> for an EVSE in the current session.</summary>
    public async Task<RecordedFrame> WaitStatusAsync(int evseId, string status, int occurrence = 1)
    {
        await H.Session.WaitForFrameAsync(f => IsStatus(f, evseId, status) && H.Session.FromStation.Count(x => IsStatus(x, evseId, status)) >= occurrence);
        return H.Session.FromStation.Where(f => IsStatus(f, evseId, status)).ElementAt(occurrence - 1);
    }

    /// <summary>Waits for a ReservationStatusUpdate for a reservation.</summary>
    public Task<RecordedFrame> WaitUpdateAsync(int reservationId, string status) =>
        H.Session.WaitForFrameAsync(f => f.Action == "ReservationStatusUpdate"
            && f.Json!.Value[3].GetProperty("reservationId").GetInt32() == reservationId
            && f.Json!.Value[3].GetProperty("reservationUpdateStatus").GetString() == status);

    /// <summary>Gets the statuses reported for an EVSE in the current session, in order.</summary>
    public IReadOnlyList<string> StatusesOf(int evseId) =>
        [.. H.Calls("StatusNotification").Where(s => s.GetProperty("evseId").GetInt32() == evseId).Select(s => s.GetProperty("connectorStatus").GetString()!)];

    /// <summary>Gets the position of a frame among the frames from the station.</summary>
    public int PositionOf(RecordedFrame frame) => H.Session.FromStation.ToList().IndexOf(frame);

    /// <summary>
    /// Advances virtual time after the CALLRESULTs already sent by the CSMS reached the station: a jump past
    /// MessageTimeout before they are read would time those CALLs out (and the station would count them unreported).
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await SyncAsync();
        H.Time.Advance(by);
    }

    /// <summary>
    /// Returns once the station has read every answer the CSMS double gave so far. The double records a station CALL
    /// before it answers, and writes each answer under the session's send lock; so once every recorded CALL has its
    /// recorded answer, a CSMS CALL goes out behind them, and the station reads frames in order: its reply proves the
    /// answers were taken (a fixed 250 ms pause did not, on a loaded machine).
    /// </summary>
    public async Task SyncAsync()
    {
        var session = H.Session;
        if (!H.Runtime.IsConnected || session.Closed.IsCompleted)
        {
            // The station is down (a simulated power cut): it has no CALL waiting for an answer.
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!EveryCallAnswered(session))
        {
            Assert.True(DateTime.UtcNow < deadline, "the CSMS double did not answer every CALL of the station");
            await Task.Delay(10);
        }

        await session.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
    }

    /// <summary>Lets in-flight messages land before asserting that something did not happen.</summary>
    public static Task SettleAsync() => Task.Delay(250);

    public ValueTask DisposeAsync() => H.DisposeAsync();

    private static bool EveryCallAnswered(CsmsSession session)
    {
        var frames = session.Frames;
        var answered = frames.Where(f => f.Direction == FrameDirection.ToStation && f.MessageTypeNumber is 3 or 4).Select(f => f.MessageId).ToHashSet();
        return frames.Where(f => f.Direction == FrameDirection.FromStation && f.MessageTypeNumber == 2).All(f => answered.Contains(f.MessageId));
    }

    private static bool IsStatus(RecordedFrame f, int evseId, string status) =>
        f.Action == "StatusNotification"
        && f.Json!.Value[3].GetProperty("evseId").GetInt32() == evseId
        && f.Json!.Value[3].GetProperty("connectorStatus").GetString() == status;
}
