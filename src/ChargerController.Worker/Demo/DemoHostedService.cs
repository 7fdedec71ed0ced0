using ChargerController.Control.Client;
using ChargerController.Simulator.Scenarios;
using ChargerController.Station.Control;
using ChargerController.Station.Runtime;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChargerController.Worker.Demo;

/// <summary>
/// Runs the <see cref="DemoSession"/> once after start-up (<c>--simulate --demo</c>); the station keeps running
/// afterwards. It first waits for the CSMS to accept the BootNotification, so the narrated session shows the whole
/// OCPP conversation (StatusNotification, Authorize, TransactionEvent …) rather than messages queued offline.
/// </summary>
internal sealed class DemoHostedService(
    SimulatedHardware hardware,
    StationControlService station,
    StationRuntime runtime,
    DemoCsms csms,
    IOptions<ChargerdOptions> options,
    TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan RegistrationWait = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var output = Console.Out;
        try
        {
            await output.WriteLineAsync(csms.Endpoint is { } endpoint
                ? $"demo: started the development CSMS at {endpoint} (no CSMS configured); OCPP frames are shown as 'ocpp:' lines"
                : $"demo: talking to the CSMS at {options.Value.CsmsUrl ?? "(none configured)"}").ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.Value.CsmsUrl) || csms.Endpoint is not null)
            {
                using var limit = new CancellationTokenSource(RegistrationWait, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, limit.Token);
                try
                {
                    await runtime.WaitUntilAcceptedAsync(linked.Token).ConfigureAwait(false);
                    await output.WriteLineAsync($"demo: BootNotification accepted: station {options.Value.StationId} is registered").ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    await output.WriteLineAsync($"demo: the CSMS did not accept the station within {RegistrationWait.TotalSeconds:0} s; the demo runs anyway (messages are queued)").ConfigureAwait(false);
                }
            }

            var demo = new DemoSession(
                hardware.Evses[0],
                hardware.Reader,
                station.GetStatusAsync,
                output,
                time,
                new DemoSessionOptions
                {
                    ChargingDuration = TimeSpan.FromSeconds(options.Value.DemoChargingSeconds),
                    FollowCommand = options.Value.ControlSocket == ControlSocketPath.ForClient(Environment.GetEnvironmentVariable)
                        ? "chargerctl status --watch"
                        : $"chargerctl --socket {options.Value.ControlSocket} status --watch",
                });
            await demo.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopped during the demo
        }
    }
}
