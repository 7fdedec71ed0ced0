using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>
/// TC_O_101 (Language preference of the EV Driver): the display shows a multi-language message (O01, messageExtra) in the
/// driver's language1, else language2, from the IdTokenInfo of the authorization (C01.FR.08/09), and in the station's
/// default language again once the driver's transaction is over.
/// </summary>
public sealed class DriverLanguageTests : IAsyncLifetime
{
    private const string Welcome = """{"id":1,"priority":"NormalCycle","message":{"format":"UTF8","language":"en","content":"Welcome"},"messageExtra":[{"format":"UTF8","language":"de","content":"Willkommen"},{"format":"UTF8","language":"nl","content":"Welkom"}]}""";

    private readonly CurrentDisplayMessage _display = new();
    private DriverLanguageTracker _tracker = null!;
    private DriverLanguageAuthorizer _authorizer = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync(modules: h =>
        {
            _tracker = new DriverLanguageTracker(() => h.Transactions);
            var auth = new AuthorizationService(h.Model, new InMemoryAuthorizationCacheStore(), new InMemoryLocalAuthorizationListStore(), h.Time, NullLoggerFactory.Instance);
            _authorizer = new DriverLanguageAuthorizer(auth, _tracker);
            IStationModule display = new DisplayMessageModule(
                new DisplayMessageBook(new InMemoryDisplayMessageStore()),
                new ConnectorDisplayStateSource(h.Connectors, h.Transactions),
                [_display],
                null,
                _tracker);
            return [auth, display];
        });
        _h.Csms.Respond("NotifyDisplayMessages", "{}");
        await _h.WaitAcceptedAsync();
        var reply = await _h.Session.CallAsync("SetDisplayMessage", $$"""{"message":{{Welcome}}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
    }

    public async Task DisposeAsync()
    {
        _tracker.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task TC_O_101_CS()
    {
        // Before any driver: the station's default language (DisplayMessageCtrlr.Language = en).
        Assert.Equal("Welcome", _display.Current?.Content);

        _h.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted","language1":"de","language2":"nl"}}""");
        var decision = await _authorizer.AuthorizeAsync(Token("04A1B2C3"), 1, AuthorizationPurpose.Start, CancellationToken.None);
        Assert.True(decision.Accepted);
        _h.Transactions.Start(1);
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        // C01.FR.08: language1 is installed, the message shows in it.
        Assert.Equal("Willkommen", _display.Current?.Content);
        Assert.Equal("de", _display.Current?.Language);

        // The driver leaves: the next screen is in the default language again.
        _h.Transactions.End(1);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Welcome", _display.Current?.Content);
    }

    [Fact]
    public async Task C01_FR_09_Language1NotInstalled_ShowsLanguage2()
    {
        _h.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted","language1":"ja","language2":"nl-BE"}}""");

        await _authorizer.AuthorizeAsync(Token("04D4E5F6"), 1, AuthorizationPurpose.Start, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Welkom", _display.Current?.Content);
    }

    [Fact]
    public async Task C10_FR_05_TransactionEventResponseLanguage_UpdatesTheDisplay_AnswerWithoutLanguageKeepsIt()
    {
        _h.Csms.Respond("Authorize", """{"idTokenInfo":{"status":"Accepted"}}""");
        await _authorizer.AuthorizeAsync(Token("0A0B0C0D"), 1, AuthorizationPurpose.Start, CancellationToken.None);
        _h.Transactions.Start(1);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Welcome", _display.Current?.Content);

        // The transaction layer hands the TransactionEventResponse's idTokenInfo to the authorizer.
        _authorizer.OnIdTokenInfoReceived(Token("0A0B0C0D"), new IdTokenInfoType { Status = Ocpp.Enums.AuthorizationStatusEnumType.Accepted, Language1 = "nl" });
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Welkom", _display.Current?.Content);

        _authorizer.OnIdTokenInfoReceived(Token("0A0B0C0D"), new IdTokenInfoType { Status = Ocpp.Enums.AuthorizationStatusEnumType.Accepted });
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Welkom", _display.Current?.Content);
    }

    private static IdTokenType Token(string id) => new() { IdToken = id, Type = "ISO14443" };
}
