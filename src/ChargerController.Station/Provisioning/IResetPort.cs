using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Provisioning;

/// <summary>Reboots the station (implemented by the Worker: persist the next boot reason, stop the host, let systemd restart it).</summary>
public interface IResetPort
{
    /// <summary>Reboots. The next BootNotification must carry <paramref name="nextBootReason"/> (B11.FR.04, B12.FR.03).</summary>
    /// <param name="nextBootReason">Reason to report after the restart.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing when the restart has been initiated.</returns>
    ValueTask RebootAsync(BootReasonEnumType nextBootReason, CancellationToken cancellationToken);
}
