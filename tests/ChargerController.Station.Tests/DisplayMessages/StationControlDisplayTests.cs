using ChargerController.Ocpp.Enums;
using ChargerController.Station.Control;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.Tests.Sessions;

namespace ChargerController.Station.Tests.DisplayMessages;

/// <summary>The control socket's status carries what the display shows (<c>displayMessage</c>).</summary>
public sealed class StationControlDisplayTests : IAsyncLifetime
{
    private readonly SimulatedStation _station = new();
    private readonly CurrentDisplayMessage _display = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Fact]
    public async Task GetStatus_MessageShown_DisplayMessageFilled_ThenNullWhenCleared()
    {
        var control = new StationControlService(_station.Controllers, _station.Meters, _station.Sessions, new OfflineOcppStatusSource(), new StationControlOptions(true, "1.0"), _station.Time, null, _display);
        _display.Show(new DisplayedMessage(3, MessagePriorityEnumType.AlwaysFront, MessageFormatEnumType.ASCII, "en", "Closed at 22:00", "tx-1"));

        var shown = (await control.GetStatusAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).DisplayMessage;
        Assert.NotNull(shown);
        Assert.Equal((3, "AlwaysFront", "ASCII", "en", "Closed at 22:00", "tx-1"), (shown.Id, shown.Priority, shown.Format, shown.Language, shown.Content, shown.TransactionId));

        _display.Show(null);
        Assert.Null((await control.GetStatusAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).DisplayMessage);
    }
}
