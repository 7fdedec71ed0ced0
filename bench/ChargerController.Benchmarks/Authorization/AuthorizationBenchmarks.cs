using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Rfid;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Storage;
using ChargerController.Storage.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Benchmarks.Authorization;

/// <summary>
/// Authorization with 10,000 local-list entries and 10,000 cached tokens on a real SQLite file: lookups, and a card read
/// (UID bytes → IdToken → decision) while offline, from the list, from the cache (which records the use in SQLite) and
/// for an unknown card.
/// Run: dotnet run -c Release --project bench/ChargerController.Benchmarks -- --filter *AuthorizationBenchmarks* --job short
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    private const int Entries = 10_000;
    private string _directory = null!;
    private AuthorizationService _service = null!;
    private IdTokenKey[] _listKeys = null!;
    private IdTokenKey[] _cacheKeys = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("auth-bench").FullName;
        var database = new StationDatabase(Path.Combine(_directory, StationDatabase.FileName));
        var listStore = new SqliteLocalAuthorizationListStore(database);
        listStore.Replace(1, [.. Enumerable.Range(0, Entries).Select(i => new AuthorizationData
        {
            IdToken = new IdTokenType { IdToken = Uid(0x10, i), Type = "ISO14443" },
            IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, GroupIdToken = new IdTokenType { IdToken = "FLEET-" + (i % 50).ToString(CultureInfo.InvariantCulture), Type = "Central" } },
        })]);
        SeedCache(database);

        var model = new StationDeviceModel(DeviceModelCatalog.Create(new StationIdentity()), new InMemoryDeviceModelStore());
        _service = new AuthorizationService(model, new SqliteAuthorizationCacheStore(database), listStore, TimeProvider.System, NullLoggerFactory.Instance);
        _listKeys = [.. Enumerable.Range(0, Entries).Select(i => new IdTokenKey(Uid(0x10, i), "ISO14443"))];
        _cacheKeys = [.. Enumerable.Range(0, Entries).Select(i => new IdTokenKey(Uid(0x20, i), "ISO14443"))];
        if (_service.LocalList.Count != Entries || _service.Cache.Count != Entries)
        {
            throw new InvalidOperationException("setup did not load 10,000 + 10,000 entries");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public IdTokenInfoType? LocalListLookup() => _service.LocalList.Find(_listKeys[Next()]);

    [Benchmark]
    public AuthorizationCacheEntry? CacheLookup() => _service.Cache.Peek(_cacheKeys[Next()]);

    [Benchmark]
    public ValueTask<AuthorizationDecision> CardReadToDecision_Offline_LocalList() => Decide(0x10);

    [Benchmark]
    public ValueTask<AuthorizationDecision> CardReadToDecision_Offline_Cache() => Decide(0x20);

    [Benchmark]
    public ValueTask<AuthorizationDecision> CardReadToDecision_Offline_Unknown() => Decide(0x30);

    private static string Uid(byte prefix, int i) => Convert.ToHexString(Bytes(prefix, i));

    private static byte[] Bytes(byte prefix, int i) => [prefix, (byte)(i >> 16), (byte)(i >> 8), (byte)i, 0x5A, 0xA5, 0x01];

    private ValueTask<AuthorizationDecision> Decide(byte prefix)
    {
        // What the reader loop does per tap: a 7-byte ISO 14443 UID becomes an IdToken and is authorized (offline:
        // the service is not attached to a runtime, so no AuthorizeRequest can be sent).
        var card = new CardRead(Bytes(prefix, Next()), CardTechnology.Iso14443A, DateTimeOffset.UnixEpoch);
        var mapped = RfidIdTokenMapper.Map(card);
        return _service.AuthorizeAsync(new IdTokenType { IdToken = mapped.IdToken, Type = mapped.Type }, 1, AuthorizationPurpose.Start, CancellationToken.None);
    }

    private int Next() => _next = (_next + 7919) % Entries;

    private static void SeedCache(StationDatabase database)
    {
        // One transaction for the 10,000 rows (the cache's own write path fsyncs each answer, which would make the
        // setup take minutes without changing what is measured).
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO auth_cache VALUES ($t, 'ISO14443', $tj, $ij, $now, $now, 0)";
        var token = command.Parameters.Add("$t", SqliteType.Text);
        var tokenJson = command.Parameters.Add("$tj", SqliteType.Text);
        var infoJson = command.Parameters.Add("$ij", SqliteType.Text);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var info = JsonSerializer.Serialize(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, OcppJsonContext.Default.IdTokenInfoType);
        for (var i = 0; i < Entries; i++)
        {
            token.Value = Uid(0x20, i);
            tokenJson.Value = JsonSerializer.Serialize(new IdTokenType { IdToken = Uid(0x20, i), Type = "ISO14443" }, OcppJsonContext.Default.IdTokenType);
            infoJson.Value = info;
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
