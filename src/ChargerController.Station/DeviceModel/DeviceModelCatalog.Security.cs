using System.Globalization;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>SecurityCtrlr (A00-A05).</content>
public static partial class DeviceModelCatalog
{
    static partial void AddSecurity(List<VariableDefinition> list, StationIdentity identity)
    {
        // A00.FR.205: 16 to 40 characters; A01: takes effect live, the station reconnects with it right after answering.
        list.Add(Str(SecurityCtrlr, "BasicAuthPassword", null, max: 40) with { Mutability = MutabilityEnumType.WriteOnly, Secret = true, MinLimit = 16 });
        list.Add(Str(SecurityCtrlr, "Identity", identity.Identity, max: 48, ro: true));
        list.Add(Str(SecurityCtrlr, "OrganizationName", "ChargerController", max: 64));

        // Follows the profile of the connection in use (A05.FR.05); not persisted, it is re-derived on every connect.
        list.Add(Int(SecurityCtrlr, "SecurityProfile", identity.SecurityProfile.ToString(CultureInfo.InvariantCulture), ro: true) with { Persistent = false });
        list.Add(Int(SecurityCtrlr, "CertificateEntries", "0", ro: true) with { Persistent = false });

        // A02.FR.17-19: wait for CertificateSigned, then resend SignCertificate with doubling waits, this many times.
        list.Add(Int(SecurityCtrlr, "CertSigningWaitMinimum", "60", min: 1, max: 86400, unit: "s"));
        list.Add(Int(SecurityCtrlr, "CertSigningRepeatTimes", "3", min: 0, max: 100));
        list.Add(Int(SecurityCtrlr, "MaxCertificateChainSize", "10000", ro: true));

        // M05.FR.09-12: when configured true, a new CSMS root must be signed by the installed one, which stays as fallback.
        // Off by default so a station can be moved to another operator's PKI by installing its root.
        list.Add(Bool(SecurityCtrlr, "AdditionalRootCertificateCheck", "false", ro: true));

        // B09.FR.04/31/32: only 3 -> 2 may ever be allowed; off by default.
        list.Add(Bool(SecurityCtrlr, "AllowSecurityProfileDowngrade", "false"));
    }
}
