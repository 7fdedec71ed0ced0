using System.Text.Json;
using ChargerController.Control.Wire;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Cli.Tests.Commands;

public sealed class StationCommandsTests
{
    private static readonly StationStatus Sample = new(
        false,
        null,
        "None",
        0,
        [
            new EvseStatus(1, "Occupied", "C2", true, 32, 16.04, "tx-1", 123.4, null),
            new EvseStatus(2, "Faulted", "F", false, 0, 0, null, 0, "RcdTripped"),
        ],
        true,
        "0.1.0");

    [Fact]
    public async Task StatusJson_PrintsChargerdsObject_WithEveryDocumentedField()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(Sample));

        var (code, output, _) = await Ctl.RunAsync(["status", "--json", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        foreach (var field in new[] { "connected", "subprotocol", "bootStatus", "queueDepth", "evses" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        Assert.Equal("tx-1", json.GetProperty("evses")[0].GetProperty("transactionId").GetString());
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal(ControlCommands.Status, request.Command);
    }

    [Fact]
    public async Task StatusTable_OneRowPerEvse_WithUnits()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(Sample));

        var (code, output, _) = await Ctl.RunAsync(["--socket", chargerd.SocketPath, "status"]);

        Assert.Equal(0, code);
        Assert.Contains("CSMS: not connected", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^1\s+Occupied\s+C2\s+closed\s+32\.0 A\s+16\.0 A\s+123\.4 Wh\s+tx-1\s+-$", output);
        Assert.Matches(@"(?m)^2\s+Faulted\s+F\s+open\s+.*RcdTripped$", output);
    }

    [Fact]
    public async Task StatusWatch_RefreshesEverySecond_UntilCtrlC_ExitsZero()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Status(Sample));
        var time = new FakeTimeProvider();
        using var ctrlC = new CancellationTokenSource();

        var run = Ctl.RunAsync(["status", "--watch", "--json", "--socket", chargerd.SocketPath], time, cancellationToken: ctrlC.Token);
        Assert.True(await chargerd.RequestArrived.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await chargerd.RequestArrived.WaitAsync(TimeSpan.FromMilliseconds(100)), "no refresh before a second has passed");
        await AdvanceUntilRequestAsync(time, chargerd);
        await AdvanceUntilRequestAsync(time, chargerd);

        // The 4th request can only arrive after the 3rd answer was printed (the loop is sequential), so cancelling
        // now cannot race the 3rd line; cancelling right after the 3rd request could.
        await AdvanceUntilRequestAsync(time, chargerd);
        await ctrlC.CancelAsync();
        var (code, output, _) = await run;

        Assert.Equal(0, code);
        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3);
    }

    [Fact]
    public async Task ChargerdNotRunning_Exits69_NamingTheSocketWithAHint()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-chargerd-" + Guid.NewGuid().ToString("N"), "control.sock");

        var (code, output, error) = await Ctl.RunAsync(["status", "--socket", path]);

        Assert.Equal(69, code);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("hint:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ControlErrorCodes.Refused, 8)]
    [InlineData(ControlErrorCodes.NotSimulated, 9)]
    [InlineData(ControlErrorCodes.InvalidArgument, 1)]
    [InlineData(ControlErrorCodes.UnknownCommand, 70)]
    [InlineData(ControlErrorCodes.Internal, 70)]
    public async Task ChargerdError_MapsToDocumentedExitCode_MessageOnStderr(string errorCode, int exitCode)
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Fail(errorCode, "because " + errorCode));

        var (code, output, error) = await Ctl.RunAsync(["sim", "plug", "1", "--socket", chargerd.SocketPath]);

        Assert.Equal(exitCode, code);
        Assert.Empty(output);
        Assert.Contains("chargerctl: error: because " + errorCode, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim plug 1", ControlCommands.SimPlug, "evse=1")]
    [InlineData("sim unplug 2", ControlCommands.SimUnplug, "evse=2")]
    [InlineData("sim tap 04A1B2C3", ControlCommands.SimTap, "uid=04A1B2C3")]
    [InlineData("sim ev 2 --state C", ControlCommands.SimEv, "evse=2,state=C")]
    [InlineData("sim fault 1 weld", ControlCommands.SimFault, "evse=1,fault=weld")]
    [InlineData("sim fault 1 meter-loss", ControlCommands.SimFault, "evse=1,fault=meter-loss")]
    [InlineData("sim fault 1 clear", ControlCommands.SimFault, "evse=1,fault=clear")]
    [InlineData("sim pay 1 approve", ControlCommands.SimPay, "evse=1,outcome=approve")]
    [InlineData("sim pay 2 cancel", ControlCommands.SimPay, "evse=2,outcome=cancel")]
    [InlineData("sim masterpass all", ControlCommands.SimMasterPass, "choice=all")]
    [InlineData("sim masterpass cancel", ControlCommands.SimMasterPass, "choice=cancel")]
    [InlineData("sim masterpass 1,3", ControlCommands.SimMasterPass, "choice=1,3")]
    [InlineData("evse start 1", ControlCommands.EvseStart, "evse=1")]
    [InlineData("evse start 1 --id-token TECH-1", ControlCommands.EvseStart, "evse=1,idToken=TECH-1")]
    [InlineData("evse stop 1", ControlCommands.EvseStop, "evse=1")]
    [InlineData("evse unlock 1", ControlCommands.EvseUnlock, "evse=1")]
    [InlineData("evse availability 1 inoperative", ControlCommands.EvseAvailability, "availability=inoperative,evse=1")]
    [InlineData("evse reset 2", ControlCommands.EvseReset, "evse=2,force=false")]
    [InlineData("evse reset 1 --force", ControlCommands.EvseReset, "evse=1,force=true")]
    [InlineData("hw rcd-test 1", ControlCommands.HwRcdTest, "evse=1")]
    public async Task Verb_SendsItsCommandAndArguments_PrintsTheMessage(string commandLine, string command, string args)
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Done("did it"));

        var (code, output, error) = await Ctl.RunAsync([.. commandLine.Split(' '), "--socket", chargerd.SocketPath]);

        Assert.True(code == 0, error);
        Assert.Equal("did it", output.Trim());
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal(command, request.Command);
        Assert.Equal(args, string.Join(',', request.Args!.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
    }

    [Fact]
    public async Task Verb_Json_PrintsTheResultObject()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Done("EVSE 1: EV plugged in"));

        var (code, output, _) = await Ctl.RunAsync(["sim", "plug", "1", "--json", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Equal("EVSE 1: EV plugged in", JsonDocument.Parse(output).RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("sim fault 1 bogus")]
    [InlineData("sim pay 1 maybe")]
    [InlineData("sim pay 1")]
    [InlineData("sim masterpass some")]
    [InlineData("sim masterpass 0")]
    [InlineData("sim masterpass 1,x")]
    [InlineData("sim masterpass")]
    [InlineData("sim ev 1 --state E")]
    [InlineData("sim ev 1")]
    [InlineData("evse stop 0")]
    [InlineData("evse stop one")]
    [InlineData("evse availability 1 maybe")]
    [InlineData("evse reset 0")]
    [InlineData("sim tap")]
    public async Task BadCommandLine_ExitsUsage_SendsNothing(string commandLine)
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Done("should not happen"));

        var (code, _, _) = await Ctl.RunAsync([.. commandLine.Split(' '), "--socket", chargerd.SocketPath]);

        Assert.Equal(1, code);
        Assert.Empty(chargerd.Requests);
    }

    private static async Task AdvanceUntilRequestAsync(FakeTimeProvider time, FakeChargerd chargerd)
    {
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            if (await chargerd.RequestArrived.WaitAsync(TimeSpan.FromMilliseconds(50)))
            {
                return;
            }
        }

        Assert.Fail("no refresh after 10 s of virtual time");
    }
}
