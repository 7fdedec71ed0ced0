using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Station.Control;

namespace ChargerController.Worker.Configuration;

/// <summary>chargerd's own settings as <c>chargerctl config list</c> shows them (<c>local:</c> keys, read-only; no secret values, only their file paths).</summary>
internal static class LocalSettings
{
    public static IReadOnlyList<ConfigVariable> Describe(ChargerdOptions options, string configFile) =>
    [
        Setting("ConfigFile", configFile),
        Setting(nameof(options.StationId), options.StationId),
        Setting(nameof(options.CsmsUrl), options.CsmsUrl),
        Setting(nameof(options.SecurityProfile), options.SecurityProfile.ToString(CultureInfo.InvariantCulture)),
        Setting(nameof(options.BasicAuthPasswordFile), options.BasicAuthPasswordFile),
        Setting(nameof(options.CsmsRootCertificateFile), options.CsmsRootCertificateFile),
        Setting(nameof(options.StateDir), options.StateDir),
        Setting(nameof(options.ControlSocket), options.ControlSocket),
        Setting(nameof(options.Simulate), options.Simulate ? "true" : "false"),
        Setting(nameof(options.Evses), options.Evses.ToString(CultureInfo.InvariantCulture)),
        Setting(nameof(options.FreeVend), options.FreeVend ? "true" : "false"),
        Setting(nameof(options.GpioChip), options.GpioChip),
        Setting(nameof(options.SerialNumber), options.SerialNumber),
    ];

    private static ConfigVariable Setting(string name, string? value) =>
        new(ConfigKey.LocalPrefix + name, value, "local", "ReadOnly", null, null, true);
}
