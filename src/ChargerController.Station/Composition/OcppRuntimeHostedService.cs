using ChargerController.Station.Runtime;
using Microsoft.Extensions.Hosting;

namespace ChargerController.Station.Composition;

/// <summary>Starts the OCPP runtime with the host and stops it (closing the connection) when the host stops.</summary>
public sealed class OcppRuntimeHostedService : IHostedService
{
    private readonly StationRuntime _runtime;

    /// <summary>Initializes a new instance of the <see cref="OcppRuntimeHostedService"/> class.</summary>
    /// <param name="runtime">The runtime.</param>
    public OcppRuntimeHostedService(StationRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => _runtime.StartAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken) => await _runtime.DisposeAsync().ConfigureAwait(false);
}
