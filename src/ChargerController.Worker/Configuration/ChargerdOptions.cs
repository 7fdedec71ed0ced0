using ChargerController.Hardware.Board;

namespace ChargerController.Worker.Configuration;

/// <summary>
/// chargerd's own settings (section <c>Chargerd</c> of the configuration file). Every key is documented in
/// deploy/config/README.md; command-line flags override the file, environment variables
/// (<c>CHARGERD_Chargerd__StationId</c>) override both.
/// </summary>
public sealed class ChargerdOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Chargerd";

    /// <summary>Charging station identity: the last path segment of the CSMS URL and the Basic-auth user.</summary>
    public string StationId { get; set; } = string.Empty;

    /// <summary>CSMS WebSocket URL (ws:// or wss://) without the station id; empty = no CSMS (with --demo an embedded one).</summary>
    public string? CsmsUrl { get; set; }

    /// <summary>Directory for the SQLite database and keys.</summary>
    public string StateDir { get; set; } = StateDirectory.ServiceDefault;

    /// <summary>
    /// Path of the control socket chargerctl talks to. Empty (the default) means <c>/run/chargercontroller/control.sock</c>,
    /// except with <see cref="Simulate"/> when that directory is not writable (an ordinary user): then
    /// <c>$XDG_RUNTIME_DIR/chargercontroller/control.sock</c> (or <c>/tmp/chargercontroller-$USER/control.sock</c>), where
    /// chargerctl looks too.
    /// </summary>
    public string ControlSocket { get; set; } = string.Empty;

    /// <summary>Run with every hardware device simulated.</summary>
    public bool Simulate { get; set; }

    /// <summary>With <see cref="Simulate"/>: run a demonstration charging session and an embedded development CSMS.</summary>
    public bool Demo { get; set; }

    /// <summary>Number of EVSEs (simulation; on real hardware the board profile decides).</summary>
    public int Evses { get; set; } = 1;

    /// <summary>Free vend: every EV that plugs in charges without a card (a private wallbox). Default off: a card or remote start is needed.</summary>
    public bool FreeVend { get; set; }

    /// <summary>With <see cref="Demo"/>: how long the demonstration car charges, seconds (1–3600). Default 25.</summary>
    public int DemoChargingSeconds { get; set; } = 25;

    /// <summary>
    /// OCPP security profile (Part 2 A00): 1 = ws:// with HTTP Basic auth, 2 = wss:// with Basic auth and the CSMS
    /// root certificate in <see cref="CsmsRootCertificateFile"/>. Default 1. Profile 3 (client certificates) arrives with
    /// the certificate management work.
    /// </summary>
    public int SecurityProfile { get; set; } = 1;

    /// <summary>
    /// File holding the Basic-auth password (<c>SecurityCtrlr.BasicAuthPassword</c>, 16–40 characters, one line). It must
    /// be readable only by the service user (mode 0600 or 0400): chargerd refuses a group- or world-readable secret.
    /// Default <c>/etc/chargercontroller/basic-auth-password</c>.
    /// </summary>
    public string BasicAuthPasswordFile { get; set; } = "/etc/chargercontroller/basic-auth-password";

    /// <summary>PEM file with the CSMS root certificate(s) for security profile 2.</summary>
    public string? CsmsRootCertificateFile { get; set; }

    /// <summary>Serial number reported in BootNotification (optional).</summary>
    public string? SerialNumber { get; set; }

    /// <summary>GPIO character device the board profile uses; checked at start on real hardware.</summary>
    public string GpioChip { get; set; } = "/dev/gpiochip0";

    /// <summary>
    /// Board profile (hardware/boards/*.json: which GPIO lines, PWM channel and ADC carry each function of the one EVSE)
    /// used without <see cref="Simulate"/>. Default <c>/etc/chargercontroller/board.json</c>.
    /// </summary>
    public string BoardProfile { get; set; } = "/etc/chargercontroller/board.json";

    /// <summary>The energy meter on RS-485 (real hardware); absent = no meter (no energy readings, no meter values).</summary>
    public SerialMeterOptions? Meter { get; set; }

    /// <summary>The RFID reader (real hardware); absent = no reader (free vend or remote start only).</summary>
    public SerialRfidOptions? Rfid { get; set; }

    /// <summary>
    /// Where firmware updates (OCPP L01) install chargerd releases: <c>releases/</c> beside the running version and the
    /// <c>current</c> link the service starts through. Default <c>/opt/chargercontroller</c>.
    /// </summary>
    public string FirmwareInstallDir { get; set; } = "/opt/chargercontroller";
}
