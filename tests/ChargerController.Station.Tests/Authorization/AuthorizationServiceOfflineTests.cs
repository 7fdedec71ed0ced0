using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>
/// <see cref="AuthorizationService"/> before it is attached to a runtime is offline: the offline policy matrix
/// (C13.FR.02-04, C15.FR.08) without a socket, and what it logs.
/// </summary>
public sealed class AuthorizationServiceOfflineTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();
    private readonly StationDeviceModel _model = new(DeviceModelCatalog.Create(new StationIdentity()), new InMemoryDeviceModelStore());

    [Theory]
    [InlineData("listed-accepted", "true", "false", true)]
    [InlineData("listed-accepted", "false", "false", false)]
    [InlineData("listed-blocked", "true", "true", false)]
    [InlineData("cached-accepted", "true", "false", true)]
    [InlineData("cached-invalid", "true", "true", false)]
    [InlineData("unknown", "true", "false", false)]
    [InlineData("unknown", "true", "true", true)]
    [InlineData("unknown", "false", "true", true)]
    public async Task OfflineMatrix(string token, string localAuthorizeOffline, string offlineTxForUnknownId, bool accepted)
    {
        var service = Service();
        Set("AuthCtrlr", "LocalAuthorizeOffline", localAuthorizeOffline);
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", offlineTxForUnknownId);
        var decision = await service.AuthorizeAsync(Token(token), 1, AuthorizationPurpose.Start, CancellationToken.None);
        Assert.Equal(accepted, decision.Accepted);
    }

    [Fact]
    public async Task C04_FR_04_KeyCode_NeverLogged()
    {
        var service = Service();
        await service.AuthorizeAsync(new IdTokenType { IdToken = "123456", Type = "KeyCode" }, 1, AuthorizationPurpose.Start, CancellationToken.None);
        await service.AuthorizeAsync(Token("CARD-1"), 1, AuthorizationPurpose.Start, CancellationToken.None);
        Assert.DoesNotContain("123456", _log.AllText, StringComparison.Ordinal);
        Assert.Contains("***/KeyCode", _log.AllText, StringComparison.Ordinal);
        Assert.Contains("CARD-1/ISO14443", _log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void EntriesAndStorage_PublishedInTheDeviceModel()
    {
        var service = Service();
        Assert.Equal("2", _model.GetValue(VariableKey.Of("LocalAuthListCtrlr", "Entries")));
        Assert.Equal("2", _model.GetValue(VariableKey.Of("AuthCacheCtrlr", "Entries")));
        Assert.Equal(service.Cache.StorageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), _model.GetValue(VariableKey.Of("AuthCacheCtrlr", "Storage")));
        service.Cache.Clear();
        Assert.Equal("0", _model.GetValue(VariableKey.Of("AuthCacheCtrlr", "Entries")));
    }

    private static IdTokenType Token(string token) => new() { IdToken = token, Type = "ISO14443" };

    private void Set(string component, string variable, string value) =>
        Assert.Equal(SetVariableStatusEnumType.Accepted, _model.TrySet(VariableKey.Of(component, variable), null, value, out _));

    private AuthorizationService Service()
    {
        var list = new InMemoryLocalAuthorizationListStore();
        list.Replace(1, [new AuthorizationData { IdToken = Token("listed-accepted"), IdTokenInfo = new() { Status = AuthorizationStatusEnumType.Accepted } }]);
        list.Apply(2, [new AuthorizationData { IdToken = Token("listed-blocked"), IdTokenInfo = new() { Status = AuthorizationStatusEnumType.Blocked } }], []);
        var service = new AuthorizationService(_model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), _time, new SingleLoggerFactory(_log));
        service.LocalList.Apply(UpdateEnumType.Full, 1, list.Load().Entries);
        service.OnIdTokenInfoReceived(Token("cached-accepted"), new() { Status = AuthorizationStatusEnumType.Accepted });
        service.OnIdTokenInfoReceived(Token("cached-invalid"), new() { Status = AuthorizationStatusEnumType.Invalid });
        return service;
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
