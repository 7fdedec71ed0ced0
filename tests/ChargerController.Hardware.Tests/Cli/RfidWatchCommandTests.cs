using System.Text.Json;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Tests.Pty;
using ChargerController.Hardware.Tests.Rfid;

namespace ChargerController.Hardware.Tests.Cli;

public sealed class RfidWatchCommandTests
{
    [Fact]
    public async Task Rdm6300_Json_PrintsUidAndLocalTokenType()
    {
        using var pty = new PseudoTerminal();
        var watch = CliRun.RunAsync("rfid", "watch", "--port", pty.SlavePath, "--reader", "rdm6300", "--count", "1", "--timeout", "10", "--json");

        // Like the module with a tag held on it: the frame repeats until the command has what it wants.
        while (!watch.IsCompleted)
        {
            pty.Write(Rdm6300Frames.Build([0x1A, 0x00, 0xF2, 0x3A, 0x91]));
            await Task.WhenAny(watch, Task.Delay(100));
        }

        var run = await watch;

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output.Trim());
        Assert.Equal("1A00F23A91", json.RootElement.GetProperty("uid").GetString());
        Assert.Equal("Local", json.RootElement.GetProperty("idTokenType").GetString());
    }

    [Fact]
    public async Task Pn532_Text_PrintsIso14443Card()
    {
        using var pty = new PseudoTerminal();
        using var chip = new Pn532Responder(pty) { CardUid = [0x04, 0xA2, 0x1B, 0x5C] };
        var run = await CliRun.RunAsync("rfid", "watch", "--port", pty.SlavePath, "--reader", "pn532", "--count", "1", "--timeout", "10");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("04A21B5C", run.Output, StringComparison.Ordinal);
        Assert.Contains("ISO14443", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCard_Timeout_Exit3()
    {
        using var pty = new PseudoTerminal();
        var run = await CliRun.RunAsync("rfid", "watch", "--port", pty.SlavePath, "--reader", "rdm6300", "--timeout", "0.3");
        Assert.Equal(ExitCodes.Timeout, run.ExitCode);
        Assert.Contains("timeout: 0 of at least 1 card(s)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPort_Exit4()
    {
        var run = await CliRun.RunAsync("rfid", "watch", "--port", "/dev/ttyGONE2", "--reader", "pn532");
        Assert.Equal(ExitCodes.PortUnavailable, run.ExitCode);
        Assert.Contains("/dev/ttyGONE2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownReader_Exit1()
    {
        var run = await CliRun.RunAsync("rfid", "watch", "--port", "/dev/null", "--reader", "wiegand");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
