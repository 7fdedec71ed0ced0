using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChargerController.Control.Client;
using ChargerController.Control.Server;
using ChargerController.Control.Wire;

namespace ChargerController.Control.Tests;

public sealed class ControlSocketServerTests : IAsyncLifetime
{
    private readonly string dir = Directory.CreateTempSubdirectory("ctl").FullName;
    private string SocketPath => Path.Combine(dir, "control.sock");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Status_RoundTrip_ClientReadsTypedStatusWithEveryDocumentedField()
    {
        var status = new StationStatus(true, "ocpp2.1", "Accepted", 3,
            [new EvseStatus(1, "Occupied", "C2", true, 16, 15.8, "tx-1", 1234.5, null)], Simulated: true, Version: "1.0.0");
        await using var server = new ControlSocketServer(SocketPath, (req, _) =>
            ValueTask.FromResult(req.Command == ControlCommands.Status
                ? new ControlResponse(true, JsonSerializer.SerializeToElement(status, ControlJsonContext.Default.StationStatus))
                : new ControlResponse(false, null, new ControlError(ControlErrorCodes.UnknownCommand, req.Command))));
        server.Start();

        var response = await new ControlClient(SocketPath).SendAsync(new ControlRequest(ControlCommands.Status), CancellationToken.None);

        Assert.True(response.Ok);
        var json = response.Result!.Value;
        foreach (var field in new[] { "connected", "subprotocol", "bootStatus", "queueDepth", "evses" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        var evse = json.GetProperty("evses")[0];
        foreach (var field in new[] { "id", "connectorStatus", "pilotState", "contactorClosed", "offeredCurrentA", "measuredCurrentA", "transactionId", "energyWh", "fault" })
        {
            Assert.True(evse.TryGetProperty(field, out _), field);
        }

        var typed = json.Deserialize(ControlJsonContext.Default.StationStatus);
        Assert.Equal(status.Evses[0], typed!.Evses[0]);
    }

    [Fact]
    public async Task MalformedLine_AnswersInvalidArgument_AndServerKeepsServing()
    {
        await using var server = new ControlSocketServer(SocketPath, (_, _) => ValueTask.FromResult(new ControlResponse(true)));
        server.Start();

        using (var raw = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await raw.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            await raw.SendAsync("{not json\n"u8.ToArray());
            var buffer = new byte[4096];
            var n = await raw.ReceiveAsync(buffer);
            var answer = JsonSerializer.Deserialize(Encoding.UTF8.GetString(buffer, 0, n), ControlJsonContext.Default.ControlResponse);
            Assert.False(answer!.Ok);
            Assert.Equal(ControlErrorCodes.InvalidArgument, answer.Error!.Code);
        }

        var ok = await new ControlClient(SocketPath).SendAsync(new ControlRequest("anything"), CancellationToken.None);
        Assert.True(ok.Ok);
    }

    [Fact]
    public async Task HandlerThrows_AnswersInternalError()
    {
        await using var server = new ControlSocketServer(SocketPath, (_, _) => throw new InvalidOperationException("boom"));
        server.Start();

        var response = await new ControlClient(SocketPath).SendAsync(new ControlRequest(ControlCommands.Status), CancellationToken.None);

        Assert.False(response.Ok);
        Assert.Equal(ControlErrorCodes.Internal, response.Error!.Code);
        Assert.Equal("boom", response.Error.Message);
    }

    [Fact]
    public async Task NoServer_ClientThrowsControlUnavailableNamingThePath()
    {
        var ex = await Assert.ThrowsAsync<ControlUnavailableException>(
            () => new ControlClient(SocketPath).SendAsync(new ControlRequest(ControlCommands.Status), CancellationToken.None));
        Assert.Contains(SocketPath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StaleSocketFile_IsReplaced_AndFileModeIs0660()
    {
        await File.WriteAllTextAsync(SocketPath, "stale");
        await using var server = new ControlSocketServer(SocketPath, (_, _) => ValueTask.FromResult(new ControlResponse(true)));
        server.Start();

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(SocketPath));
        Assert.True((await new ControlClient(SocketPath).SendAsync(new ControlRequest("x"), CancellationToken.None)).Ok);
    }
}
