namespace ChargerController.Worker;

/// <summary>chargerd's documented exit codes (README, deploy/config/README.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int InvalidConfiguration = 2;
    public const int HardwareMissing = 3;

    /// <summary>An OCPP Reset (or a change that needs one) stopped the service on purpose: systemd starts it again.</summary>
    public const int RestartRequested = 75;
}
