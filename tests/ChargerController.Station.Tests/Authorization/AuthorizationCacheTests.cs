using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>Eviction (C10.FR.07), expiry (C10.FR.08/10/13) and write-through of <see cref="AuthorizationCache"/>.</summary>
public sealed class AuthorizationCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAuthorizationCacheStore _store = new();

    [Theory]
    [InlineData(AuthCachePolicy.LRU, "B")]
    [InlineData(AuthCachePolicy.LFU, "C")]
    [InlineData(AuthCachePolicy.FIFO, "A")]
    public void Full_EvictsByPolicy(AuthCachePolicy policy, string expectedVictim)
    {
        var cache = CacheFor(entries: 3, policy);
        Put(cache, "A");
        Step();
        Put(cache, "B");
        Step();
        Put(cache, "C");
        Step();

        // B: used twice, least recently; A: used twice, recently; C: used once, last. FIFO = oldest update (A).
        foreach (var token in new[] { "B", "B", "A", "A", "C" })
        {
            cache.Use(Key(token));
            Step();
        }

        Put(cache, "D");

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Peek(Key(expectedVictim)));
        Assert.NotNull(cache.Peek(Key("D")));
        Assert.Equal(3, _store.LoadAll().Count);
        Assert.DoesNotContain(_store.LoadAll(), e => e.Key == Key(expectedVictim));
    }

    [Fact]
    public void Full_NonAcceptedGoesBeforeAccepted_ExpiredFirst()
    {
        // Capacity = exactly A + B + C.
        var scratch = new AuthorizationCache(new InMemoryAuthorizationCacheStore(), _time);
        Fill(scratch);
        var cache = new AuthorizationCache(_store, _time, (int)scratch.StorageBytes) { LifeTime = TimeSpan.Zero };
        Fill(cache);
        Put(cache, "D");
        Assert.Null(cache.Peek(Key("B")));
        Step();
        Put(cache, "E");
        Assert.Null(cache.Peek(Key("C")));
        Assert.NotNull(cache.Peek(Key("A")));
    }

    [Fact]
    public void LifeTime_CountsFromLastUpdate_NotFromUse()
    {
        var cache = new AuthorizationCache(_store, _time) { LifeTime = TimeSpan.FromMinutes(10) };
        Put(cache, "A");
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, cache.Use(Key("A"))!.Info.Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(AuthorizationStatusEnumType.Expired, cache.Use(Key("A"))!.Info.Status);

        // A fresh answer from the CSMS renews it.
        Put(cache, "A");
        Assert.Equal(AuthorizationStatusEnumType.Accepted, cache.Peek(Key("A"))!.Info.Status);
    }

    [Fact]
    public void CacheExpiryDateTime_WinsOverLifeTime()
    {
        var cache = new AuthorizationCache(_store, _time) { LifeTime = TimeSpan.FromDays(1) };
        Put(cache, "A", expiry: _time.GetUtcNow().AddMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(AuthorizationStatusEnumType.Expired, cache.Peek(Key("A"))!.Info.Status);
    }

    [Fact]
    public void Reload_FromStore_KeepsEntriesAndUsage()
    {
        var cache = new AuthorizationCache(_store, _time);
        Put(cache, "A");
        cache.Use(Key("A"));
        cache.Use(Key("A"));
        var reloaded = new AuthorizationCache(_store, _time);
        Assert.Equal(2, reloaded.Peek(Key("A"))!.UseCount);
        Assert.Equal(cache.StorageBytes, reloaded.StorageBytes);
    }

    [Fact]
    public void Clear_EmptiesMemoryAndStore()
    {
        var cache = new AuthorizationCache(_store, _time);
        Put(cache, "A");
        cache.Clear();
        Assert.Equal((0, 0L, 0), (cache.Count, cache.StorageBytes, _store.LoadAll().Count));
    }

    private void Fill(AuthorizationCache cache)
    {
        var start = _time.GetUtcNow();
        Put(cache, "A", AuthorizationStatusEnumType.Accepted);
        Step();
        Put(cache, "B", AuthorizationStatusEnumType.Accepted, expiry: start.AddSeconds(1.5));
        Step();
        Put(cache, "C", AuthorizationStatusEnumType.Blocked);
        Step();
    }

    private static IdTokenKey Key(string token) => new(token, "ISO14443");

    private AuthorizationCache CacheFor(int entries, AuthCachePolicy policy)
    {
        // Every test token has the same JSON size, so a byte capacity of n entries holds exactly n.
        var size = new AuthorizationCache(new InMemoryAuthorizationCacheStore(), _time);
        Put(size, "X");
        return new AuthorizationCache(_store, _time, (int)size.StorageBytes * entries) { Policy = policy, LifeTime = TimeSpan.Zero };
    }

    private void Step() => _time.Advance(TimeSpan.FromSeconds(1));

    private static void Put(AuthorizationCache cache, string token, AuthorizationStatusEnumType status = AuthorizationStatusEnumType.Accepted, DateTimeOffset? expiry = null) =>
        cache.Put(new IdTokenType { IdToken = token, Type = "ISO14443" }, new IdTokenInfoType { Status = status, CacheExpiryDateTime = expiry });
}
