using ChargerController.Ocpp.Enums;
using ChargerController.Station.Provisioning;

namespace ChargerController.CrashHost;

/// <summary>A reset ends the process; the test restarts it like systemd would.</summary>
internal sealed class ExitResetPort : IResetPort
{
    public ValueTask RebootAsync(BootReasonEnumType nextBootReason, CancellationToken cancellationToken)
    {
        Environment.Exit(3);
        return ValueTask.CompletedTask;
    }
}
