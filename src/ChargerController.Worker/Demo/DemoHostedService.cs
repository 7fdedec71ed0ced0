using ChargerController.Control.Client;
using ChargerController.Simulator.Scenarios;
using ChargerController.Station.Control;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChargerController.Worker.Demo;

/// <summary>Runs the <see cref="DemoSession"/> once after start-up (<c>--simulate --demo</c>); the station keeps running afterwards.</summary>
internal sealed class DemoHostedService(
    SimulatedHardware hardware, StationControlService station, IOptions<ChargerdOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = new DemoSession(
            hardware.Evses[0],
            hardware.Reader,
            station.GetStatusAsync,
            Console.Out,
            time,
            new DemoSessionOptions
            {
                ChargingDuration = TimeSpan.FromSeconds(options.Value.DemoChargingSeconds),
                FollowCommand = options.Value.ControlSocket == ControlSocketPath.ForClient(Environment.GetEnvironmentVariable)
                    ? "chargerctl status --watch"
                    : $"chargerctl --socket {options.Value.ControlSocket} status --watch",
            });
        try
        {
            await demo.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopped during the demo
        }
    }
}
