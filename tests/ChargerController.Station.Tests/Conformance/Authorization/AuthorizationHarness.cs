using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Storage;
using ChargerController.Storage.Authorization;
using ChargerController.Storage.DeviceModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Authorization;

/// <summary>
/// The station runtime with the authorization block attached, over a real WebSocket against the loopback CSMS in virtual
/// time; optionally on a real SQLite file that a restart reopens.
/// </summary>
public sealed class AuthorizationHarness : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly InMemoryAuthorizationCacheStore _memoryCache = new();
    private readonly InMemoryLocalAuthorizationListStore _memoryList = new();

    private AuthorizationHarness(string? directory) => _directory = directory;

    public StationHarness Station { get; private set; } = null!;

    public AuthorizationService Auth { get; private set; } = null!;

    public StationDeviceModel Model => Station.Model;

    public int AuthorizeCount => Station.Calls("Authorize").Count;

    private string? DbPath => _directory is null ? null : Path.Combine(_directory, StationDatabase.FileName);

    public static async Task<AuthorizationHarness> StartAsync(bool sqlite = false)
    {
        var harness = new AuthorizationHarness(sqlite ? Directory.CreateTempSubdirectory("cc-auth-").FullName : null);
        IDeviceModelStore? store = harness.DbPath is { } path ? new SqliteDeviceModelStore(new StationDatabase(path)) : null;
        harness.Station = await StationHarness.StartAsync(store: store, modules: harness.CreateModules);
        harness.Station.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"}}""");
        await harness.Station.WaitAcceptedAsync();
        return harness;
    }

    /// <summary>Sets device-model variables as the CSMS would (SetVariables must be Accepted).</summary>
    public async Task SetAsync(string component, string variable, string value)
    {
        var reply = await Station.Session.CallAsync("SetVariables", $$"""{"setVariableData":[{"component":{"name":"{{component}}"},"variable":{"name":"{{variable}}"},"attributeValue":"{{value}}"}]}""");
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    public void RespondAuthorize(string status, string? group = null, string extra = "") =>
        Station.Csms.Respond("Authorize", "{\"idTokenInfo\":{\"status\":\"" + status + "\"" + GroupJson(group) + extra + "}}");

    private static string GroupJson(string? group) => group is null ? string.Empty : ",\"groupIdToken\":{\"idToken\":\"" + group + "\",\"type\":\"Central\"}";

    public ValueTask<AuthorizationDecision> PresentAsync(string token, int? evseId = 1, AuthorizationPurpose purpose = AuthorizationPurpose.Start, string type = "ISO14443") =>
        Auth.AuthorizeAsync(Token(token, type), evseId, purpose, CancellationToken.None);

    public static IdTokenType Token(string token, string type = "ISO14443") => new() { IdToken = token, Type = type };

    /// <summary>Puts a token in the cache the way a TransactionEventResponse would (C10.FR.05).</summary>
    public void Cache(string token, AuthorizationStatusEnumType status, string? group = null, DateTimeOffset? expiry = null) =>
        Auth.OnIdTokenInfoReceived(Token(token), new IdTokenInfoType
        {
            Status = status,
            CacheExpiryDateTime = expiry,
            GroupIdToken = group is null ? null : new IdTokenType { IdToken = group, Type = "Central" },
        });

    /// <summary>Sends SendLocalList from the CSMS; returns the status.</summary>
    public async Task<string> SendLocalListAsync(string updateType, int version, params (string Token, string? Status, string? Group)[] entries) =>
        (await SendLocalListFrameAsync(updateType, version, entries))[2].GetProperty("status").GetString()!;

    /// <summary>Sends SendLocalList from the CSMS; returns the whole reply frame (CALLRESULT or CALLERROR).</summary>
    public async Task<JsonElement> SendLocalListFrameAsync(string updateType, int version, params (string Token, string? Status, string? Group)[] entries)
    {
        var items = string.Join(",", entries.Select(e =>
            "{\"idToken\":{\"idToken\":\"" + e.Token + "\",\"type\":\"ISO14443\"}" +
            (e.Status is null ? string.Empty : ",\"idTokenInfo\":{\"status\":\"" + e.Status + "\"" + GroupJson(e.Group) + "}") + "}"));
        // The schema has minItems 1: an "empty" list is an absent one (TC_D_04/05).
        var list = entries.Length == 0 ? string.Empty : $$""","localAuthorizationList":[{{items}}]""";
        return await Station.Session.CallAsync("SendLocalList", $$"""{"versionNumber":{{version}},"updateType":"{{updateType}}"{{list}}}""");
    }

    public async Task<int> GetLocalListVersionAsync() =>
        (await Station.Session.CallAsync("GetLocalListVersion", "{}"))[2].GetProperty("versionNumber").GetInt32();

    /// <summary>Cuts the connection and refuses reconnects (the OCTT "closes the WebSocket and does not accept a reconnect").</summary>
    public async Task GoOfflineAsync()
    {
        Station.Csms.RefuseConnections(int.MaxValue);
        Station.Session.Abort();
        await Station.AdvanceUntilAsync(() => !Station.Runtime.IsConnected, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.False(Auth.IsOnline);
    }

    /// <summary>Accepts reconnects again and waits until the station is back.</summary>
    public async Task ComeBackAsync()
    {
        var sessions = Station.Csms.Sessions.Count;
        Station.Csms.AcceptConnections();
        await Station.AdvanceUntilAsync(() => Station.Csms.Sessions.Count > sessions && Auth.IsOnline, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(600));
    }

    /// <summary>Reboots the station: a new runtime, device model and authorization block over the reopened stores.</summary>
    public async Task RestartAsync() => await Station.RestartAsync(BootReasonEnumType.PowerUp);

    public static string Json(AuthorizationDecision decision) => JsonSerializer.Serialize(decision.Info, Ocpp.Serialization.OcppJsonContext.Default.IdTokenInfoType);

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private IReadOnlyList<Runtime.IStationModule> CreateModules(StationHarness station)
    {
        IAuthorizationCacheStore cache = _memoryCache;
        ILocalAuthorizationListStore list = _memoryList;
        if (DbPath is { } path)
        {
            // Reopened on every (re)start: what survives is what the file holds.
            var database = new StationDatabase(path);
            cache = new SqliteAuthorizationCacheStore(database);
            list = new SqliteLocalAuthorizationListStore(database);
        }

        Auth = new AuthorizationService(station.Model, cache, list, station.Time, NullLoggerFactory.Instance);
        return [Auth];
    }
}
