namespace ChargerController.Station.Firmware;

/// <summary>The security events of the firmware update (Part 2 appendix "Security events"), raised through the SecurityEventReporter.</summary>
public static class FirmwareSecurityEvents
{
    /// <summary>The signing certificate of an UpdateFirmware did not verify (L01.FR.02, critical).</summary>
    public const string InvalidFirmwareSigningCertificate = "InvalidFirmwareSigningCertificate";

    /// <summary>The image's signature did not verify (L01.FR.03, critical).</summary>
    public const string InvalidFirmwareSignature = "InvalidFirmwareSignature";

    /// <summary>A new firmware was installed and activated (L01.FR.31, critical).</summary>
    public const string FirmwareUpdated = "FirmwareUpdated";
}
