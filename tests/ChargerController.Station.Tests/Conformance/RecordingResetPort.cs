using ChargerController.Ocpp.Enums;
using ChargerController.Station.Provisioning;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>Records reboot requests (the Worker really restarts the process).</summary>
public sealed class RecordingResetPort : IResetPort
{
    private readonly TaskCompletionSource<BootReasonEnumType> _rebooted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<BootReasonEnumType> Rebooted => _rebooted.Task;

    public ValueTask RebootAsync(BootReasonEnumType nextBootReason, CancellationToken cancellationToken)
    {
        _rebooted.TrySetResult(nextBootReason);
        return ValueTask.CompletedTask;
    }
}
