using System.Text.Json;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Tests.Commands;

/// <summary><c>chargerctl status</c> shows the CSMS message on the station's display (OCPP block O).</summary>
public sealed class StatusDisplayMessageTests
{
    private static readonly StationStatus WithMessage = new(
        true,
        "ocpp2.1",
        "Accepted",
        0,
        [new EvseStatus(1, "Available", "A", false, 0, 0, null, 0, null)],
        true,
        "0.1.0",
        new DisplayMessageStatus(7, "InFront", "UTF8", "de", "Wartung am Montag\nab 8 Uhr", null));

    [Fact]
    public async Task StatusJson_DisplayMessage_AllFields()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(WithMessage));

        var (code, output, _) = await Ctl.RunAsync(["status", "--json", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        var message = JsonDocument.Parse(output).RootElement.GetProperty("displayMessage");
        Assert.Equal(7, message.GetProperty("id").GetInt32());
        Assert.Equal("InFront", message.GetProperty("priority").GetString());
        Assert.Equal("UTF8", message.GetProperty("format").GetString());
        Assert.Equal("de", message.GetProperty("language").GetString());
        Assert.Equal("Wartung am Montag\nab 8 Uhr", message.GetProperty("content").GetString());
    }

    [Fact]
    public async Task StatusTable_DisplayMessage_OneLine()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(WithMessage));

        var (code, output, _) = await Ctl.RunAsync(["--socket", chargerd.SocketPath, "status"]);

        Assert.Equal(0, code);
        Assert.Contains("Display: \"Wartung am Montag ab 8 Uhr\" (message 7, InFront, UTF8, de)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusTable_NoDisplayMessage_NoDisplayLine()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(WithMessage with { DisplayMessage = null }));

        var (code, output, _) = await Ctl.RunAsync(["--socket", chargerd.SocketPath, "status"]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("Display:", output, StringComparison.Ordinal);
    }
}
