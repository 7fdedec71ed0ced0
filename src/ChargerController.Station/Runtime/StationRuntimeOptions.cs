using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Runtime;

/// <summary>Start-up parameters of the OCPP runtime.</summary>
public sealed record StationRuntimeOptions
{
    /// <summary>Gets the reason of this boot (the Worker reads it from what <see cref="Provisioning.IResetPort"/> persisted).</summary>
    public BootReasonEnumType BootReason { get; init; } = BootReasonEnumType.PowerUp;

    /// <summary>Gets the wait before retrying a BootNotification that failed or got interval 0 (B02.FR.07).</summary>
    public TimeSpan BootRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets the GetBaseReport report bases this station offers (B07.FR.02: others answer <c>NotSupported</c>).
    /// ConfigurationInventory and FullInventory are required; SummaryInventory is optional (Part 5 C-56).
    /// </summary>
    public IReadOnlySet<ReportBaseEnumType> SupportedReportBases { get; init; } =
        new HashSet<ReportBaseEnumType> { ReportBaseEnumType.ConfigurationInventory, ReportBaseEnumType.FullInventory, ReportBaseEnumType.SummaryInventory };
}
