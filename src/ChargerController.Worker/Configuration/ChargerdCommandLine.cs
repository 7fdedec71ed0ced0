using System.CommandLine;

namespace ChargerController.Worker.Configuration;

/// <summary>
/// The flags users and scripts rely on (issue 9). They are a stable product interface: each maps to one
/// configuration key, so the same setting can live in the file, the environment or the command line.
/// </summary>
internal static class ChargerdCommandLine
{
    public const string DefaultConfigPath = "/etc/chargercontroller/chargercontroller.json";

    public static RootCommand Build(Func<ChargerdInvocation, CancellationToken, Task<int>> run)
    {
        var config = new Option<string?>("--config") { Description = $"Configuration file (default {DefaultConfigPath})" };
        var simulate = new Option<bool>("--simulate") { Description = "Simulate all hardware (no GPIO, serial or PWM needed)" };
        var demo = new Option<bool>("--demo") { Description = "With --simulate: run a narrated charging session on EVSE 1; without --csms-url an embedded development CSMS on 127.0.0.1 shows the OCPP traffic" };
        var csmsUrl = new Option<string?>("--csms-url") { Description = "CSMS WebSocket URL (ws:// or wss://), without the station id; Basic-auth password from Chargerd:BasicAuthPasswordFile" };
        var stationId = new Option<string?>("--station-id") { Description = "Charging station identity" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Directory for the database and keys (default /var/lib/chargercontroller)" };
        var controlSocket = new Option<string?>("--control-socket") { Description = "Control socket path (default /run/chargercontroller/control.sock; with --simulate as an ordinary user $XDG_RUNTIME_DIR/chargercontroller/control.sock)" };
        var evses = new Option<int?>("--evses") { Description = "Number of simulated EVSEs" };

        var root = new RootCommand("chargerd: ChargerController charging station service")
        {
            config, simulate, demo, csmsUrl, stationId, stateDir, controlSocket, evses,
        };

        root.SetAction((parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            void Set(string key, string? value)
            {
                if (value is not null)
                {
                    overrides[$"{ChargerdOptions.Section}:{key}"] = value;
                }
            }

            if (parse.GetValue(simulate))
            {
                Set(nameof(ChargerdOptions.Simulate), "true");
            }

            if (parse.GetValue(demo))
            {
                Set(nameof(ChargerdOptions.Demo), "true");
            }

            Set(nameof(ChargerdOptions.CsmsUrl), parse.GetValue(csmsUrl));
            Set(nameof(ChargerdOptions.StationId), parse.GetValue(stationId));
            Set(nameof(ChargerdOptions.StateDir), parse.GetValue(stateDir));
            Set(nameof(ChargerdOptions.ControlSocket), parse.GetValue(controlSocket));
            Set(nameof(ChargerdOptions.Evses), parse.GetValue(evses)?.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var configPath = parse.GetValue(config);
            return run(new ChargerdInvocation(configPath ?? DefaultConfigPath, configPath is not null, overrides), ct);
        });
        return root;
    }
}
