using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>Update rules of <see cref="LocalAuthorizationList"/> (D01) and its failure behaviour.</summary>
public sealed class LocalAuthorizationListTests
{
    [Fact]
    public void Full_Replaces_Differential_UpsertsAndRemoves()
    {
        var list = new LocalAuthorizationList(new InMemoryLocalAuthorizationListStore());
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Full, 1, [Entry("A"), Entry("B")]).Status);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Differential, 2, [Entry("A", AuthorizationStatusEnumType.Blocked), Entry("B", null), Entry("C")]).Status);
        Assert.Equal(AuthorizationStatusEnumType.Blocked, list.Find(Key("A"))!.Status);
        Assert.Null(list.Find(Key("B")));
        Assert.Equal((2, 2), (list.Version, list.Count));
    }

    [Fact]
    public void D01_FR_19_DifferentialNotNewer_VersionMismatch_FullMayGoBack()
    {
        var list = new LocalAuthorizationList(new InMemoryLocalAuthorizationListStore());
        list.Apply(UpdateEnumType.Full, 5, [Entry("A")]);
        Assert.Equal(SendLocalListStatusEnumType.VersionMismatch, list.Apply(UpdateEnumType.Differential, 5, [Entry("B")]).Status);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Full, 2, [Entry("B")]).Status);
        Assert.Equal(2, list.Version);
    }

    [Fact]
    public void D01_FR_18_VersionZero_Failed()
    {
        var list = new LocalAuthorizationList(new InMemoryLocalAuthorizationListStore());
        Assert.Equal(SendLocalListStatusEnumType.Failed, list.Apply(UpdateEnumType.Full, 0, [Entry("A")]).Status);
        Assert.Equal(0, list.Version);
    }

    [Fact]
    public void BeyondCapacity_Failed_ListUnchanged()
    {
        var list = new LocalAuthorizationList(new InMemoryLocalAuthorizationListStore(), maxEntries: 2);
        list.Apply(UpdateEnumType.Full, 1, [Entry("A"), Entry("B")]);
        var result = list.Apply(UpdateEnumType.Differential, 2, [Entry("C")]);
        Assert.Equal((SendLocalListStatusEnumType.Failed, "ListFull"), result);
        Assert.Equal((1, 2), (list.Version, list.Count));

        // Replacing one and removing one keeps it within capacity.
        Assert.Equal(SendLocalListStatusEnumType.Accepted, list.Apply(UpdateEnumType.Differential, 2, [Entry("A", null), Entry("C")]).Status);
    }

    [Fact]
    public void StoreFailure_Failed_PreviousListInForce()
    {
        var list = new LocalAuthorizationList(new FailingStore());
        Assert.Equal((SendLocalListStatusEnumType.Failed, "StorageError"), list.Apply(UpdateEnumType.Full, 1, [Entry("A")]));
        Assert.Equal((0, 0), (list.Version, list.Count));
    }

    [Fact]
    public void Reload_FromStore()
    {
        var store = new InMemoryLocalAuthorizationListStore();
        var list = new LocalAuthorizationList(store);
        list.Apply(UpdateEnumType.Full, 7, [Entry("A")]);
        var reloaded = new LocalAuthorizationList(store);
        Assert.Equal((7, 1, list.StorageBytes), (reloaded.Version, reloaded.Count, reloaded.StorageBytes));
    }

    private static IdTokenKey Key(string token) => new(token, "ISO14443");

    private static AuthorizationData Entry(string token, AuthorizationStatusEnumType? status = AuthorizationStatusEnumType.Accepted) => new()
    {
        IdToken = new IdTokenType { IdToken = token, Type = "ISO14443" },
        IdTokenInfo = status is { } s ? new IdTokenInfoType { Status = s } : null,
    };

    private sealed class FailingStore : ILocalAuthorizationListStore
    {
        public LocalAuthorizationListSnapshot Load() => LocalAuthorizationListSnapshot.Empty;

        public void Replace(int version, IReadOnlyList<AuthorizationData> entries) => throw new IOException("disk full");

        public void Apply(int version, IReadOnlyList<AuthorizationData> upserts, IReadOnlyList<IdTokenKey> removals) => throw new IOException("disk full");
    }
}
