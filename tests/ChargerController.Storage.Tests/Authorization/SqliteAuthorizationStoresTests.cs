using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Authorization;
using ChargerController.Storage.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Storage.Tests.Authorization;

/// <summary>The authorization cache and local list survive restarts and power loss in the real SQLite file (C10.FR.02, D01.FR.10).</summary>
public sealed class SqliteAuthorizationStoresTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-auth-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Cache_EveryIdTokenInfoField_SurvivesReopen_UsageToo()
    {
        var info = new IdTokenInfoType
        {
            Status = AuthorizationStatusEnumType.Accepted,
            CacheExpiryDateTime = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
            ChargingPriority = 3,
            GroupIdToken = new IdTokenType { IdToken = "G1", Type = "Central" },
            Language1 = "nl",
            Language2 = "en",
            EvseId = [1, 2],
            PersonalMessage = new MessageContentType { Format = MessageFormatEnumType.UTF8, Content = "Hallo" },
        };
        var cache = new AuthorizationCache(new SqliteAuthorizationCacheStore(new StationDatabase(DbPath)), _time);
        cache.Put(new IdTokenType { IdToken = "AA01", Type = "ISO14443" }, info);
        _time.Advance(TimeSpan.FromMinutes(1));
        cache.Use(new("AA01", "ISO14443"));

        var reopened = new AuthorizationCache(new SqliteAuthorizationCacheStore(new StationDatabase(DbPath)), _time);
        var entry = reopened.Peek(new("AA01", "ISO14443"))!;
        Assert.Equal(JsonSerializer.Serialize(info, OcppJsonContext.Default.IdTokenInfoType), JsonSerializer.Serialize(entry.Info, OcppJsonContext.Default.IdTokenInfoType));
        Assert.Equal((1L, _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(-1)), (entry.UseCount, entry.LastUsedAt, entry.UpdatedAt));
        Assert.Equal(cache.StorageBytes, reopened.StorageBytes);
    }

    [Fact]
    public void Cache_EvictionAndClear_AreDurable()
    {
        var store = new SqliteAuthorizationCacheStore(new StationDatabase(DbPath));
        var one = new AuthorizationCache(new InMemoryAuthorizationCacheStore(), _time);
        Put(one, "A");
        var cache = new AuthorizationCache(store, _time, (int)one.StorageBytes * 2);
        Put(cache, "A");
        _time.Advance(TimeSpan.FromSeconds(1));
        Put(cache, "B");
        _time.Advance(TimeSpan.FromSeconds(1));
        Put(cache, "C");
        Assert.Equal(["B", "C"], new SqliteAuthorizationCacheStore(new StationDatabase(DbPath)).LoadAll().Select(e => e.IdToken.IdToken).Order());

        cache.Clear();
        Assert.Empty(new SqliteAuthorizationCacheStore(new StationDatabase(DbPath)).LoadAll());
    }

    [Fact]
    public void LocalList_FullThenDifferential_SurvivesReopen()
    {
        var list = new LocalAuthorizationList(new SqliteLocalAuthorizationListStore(new StationDatabase(DbPath)));
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Full, 4, [Entry("A", "G1"), Entry("B")]).Status);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Differential, 5, [new AuthorizationData { IdToken = Token("B") }, Entry("C")]).Status);

        var reopened = new LocalAuthorizationList(new SqliteLocalAuthorizationListStore(new StationDatabase(DbPath)));
        Assert.Equal((5, 2), (reopened.Version, reopened.Count));
        Assert.Equal("G1", reopened.Find(new("A", "ISO14443"))!.GroupIdToken!.IdToken);
        Assert.Null(reopened.Find(new("B", "ISO14443")));
    }

    [Fact]
    public void LocalList_VersionStored_EvenWhenListUnchanged()
    {
        var list = new LocalAuthorizationList(new SqliteLocalAuthorizationListStore(new StationDatabase(DbPath)));
        list.Apply(UpdateEnumType.Full, 1, [Entry("A")]);
        list.Apply(UpdateEnumType.Differential, 9, null);
        Assert.Equal(9, new SqliteLocalAuthorizationListStore(new StationDatabase(DbPath)).Load().Version);
    }

    [Fact]
    public async Task LocalList_PowerLossMidUpdate_ListIsExactlyOneAcknowledgedVersion()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(LocalListCrashWriter).Assembly.Location, LocalListCrashWriter.Switch, DbPath })
        {
            start.ArgumentList.Add(arg);
        }

        var lastAck = 0;
        using (var child = Process.Start(start)!)
        {
            try
            {
                var target = 30 + Random.Shared.Next(30);
                while (lastAck < target)
                {
                    var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    if (line is null)
                    {
                        Assert.Fail("child exited: " + await child.StandardError.ReadToEndAsync());
                    }

                    lastAck = int.Parse(line!.AsSpan(4), CultureInfo.InvariantCulture);
                }
            }
            finally
            {
                child.Kill(); // SIGKILL mid-transaction: no Dispose, no checkpoint.
                await child.WaitForExitAsync();
            }

            while (await child.StandardOutput.ReadLineAsync() is { } rest)
            {
                lastAck = int.Parse(rest.AsSpan(4), CultureInfo.InvariantCulture);
            }
        }

        var snapshot = new SqliteLocalAuthorizationListStore(new StationDatabase(DbPath)).Load();

        // Every acknowledged version is durable (at most one more committed before its ack was printed), and the
        // entries are exactly that version's: never a mix of two updates.
        Assert.InRange(snapshot.Version, lastAck, lastAck + 1);
        Assert.Equal(50, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal("v" + snapshot.Version.ToString(CultureInfo.InvariantCulture), e.IdTokenInfo!.Language1));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IdTokenType Token(string token) => new() { IdToken = token, Type = "ISO14443" };

    private static AuthorizationData Entry(string token, string? group = null) => new()
    {
        IdToken = Token(token),
        IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, GroupIdToken = group is null ? null : new IdTokenType { IdToken = group, Type = "Central" } },
    };

    private static void Put(AuthorizationCache cache, string token) =>
        cache.Put(Token(token), new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted });
}
