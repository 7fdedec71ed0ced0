namespace ChargerController.Station.Security;

/// <summary>What a stored certificate is for: the OCPP certificate type names (InstallCertificateUseEnumType, CertificateSigningUseEnumType).</summary>
public static class CertificateUse
{
    /// <summary>Trust anchor for the CSMS server certificate (A00.FR.309) and for CertificateSigned chains.</summary>
    public const string CsmsRoot = "CSMSRootCertificate";

    /// <summary>
    /// The CSMS root a new one replaced under AdditionalRootCertificateCheck, kept as the one fallback (M05.FR.12/14);
    /// reported as a CSMSRootCertificate.
    /// </summary>
    public const string CsmsRootFallback = "CSMSRootCertificateFallback";

    /// <summary>Trust anchor for firmware signing certificates (L01).</summary>
    public const string ManufacturerRoot = "ManufacturerRootCertificate";

    /// <summary>ISO 15118 V2G root, stored for a future ISO 15118 stack.</summary>
    public const string V2GRoot = "V2GRootCertificate";

    /// <summary>ISO 15118 mobility-operator root, stored for a future ISO 15118 stack.</summary>
    public const string MORoot = "MORootCertificate";

    /// <summary>ISO 15118-20 OEM root (2.1), stored for a future ISO 15118 stack.</summary>
    public const string OemRoot = "OEMRootCertificate";

    /// <summary>The station's own TLS client certificate (security profile 3); its private key is stored under the same name.</summary>
    public const string ChargingStation = "ChargingStationCertificate";

    /// <summary>Sub-CA certificates that came with <see cref="ChargingStation"/> in CertificateSigned.</summary>
    public const string ChargingStationChain = "ChargingStationCertificateChain";
}
