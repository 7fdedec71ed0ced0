using ChargerController.Control.Server;
using ChargerController.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargerController.Worker.ControlSocket;

/// <summary>Hosts the control socket for chargerctl for the lifetime of the service.</summary>
internal sealed partial class ControlSocketHostedService(
    IOptions<ChargerdOptions> options, ControlRequestRouter router, ILogger<ControlSocketHostedService> logger) : IHostedService, IAsyncDisposable
{
    private ControlSocketServer? server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.ControlSocket;
        server = new ControlSocketServer(path, router.HandleAsync);
        server.Start();
        LogListening(logger, path);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            server = null;
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Control socket listening on {Path}")]
    private static partial void LogListening(ILogger logger, string path);
}
