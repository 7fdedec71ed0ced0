using System.Collections.Concurrent;
using System.Text.Json;
using ChargerController.Control.Server;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Tests.Commands;

/// <summary>A fake chargerd: the real control-socket server on a temporary path, answering with a canned handler and recording requests.</summary>
public sealed class FakeChargerd : IAsyncDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("fake-chargerd").FullName;
    private readonly ControlSocketServer server;

    public FakeChargerd(Func<ControlRequest, ControlResponse> answer)
    {
        SocketPath = Path.Combine(dir, "control.sock");
        server = new ControlSocketServer(SocketPath, (request, _) =>
        {
            Requests.Enqueue(request);
            RequestArrived.Release();
            return ValueTask.FromResult(answer(request));
        });
        server.Start();
    }

    public string SocketPath { get; }

    public ConcurrentQueue<ControlRequest> Requests { get; } = new();

    public SemaphoreSlim RequestArrived { get; } = new(0);

    public static ControlResponse Done(string message) =>
        new(true, JsonSerializer.SerializeToElement(new CommandResult(message), ControlJsonContext.Default.CommandResult));

    public static ControlResponse Status(StationStatus status) =>
        new(true, JsonSerializer.SerializeToElement(status, ControlJsonContext.Default.StationStatus));

    public static ControlResponse Fail(string code, string message) => new(false, null, new ControlError(code, message));

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }
}
