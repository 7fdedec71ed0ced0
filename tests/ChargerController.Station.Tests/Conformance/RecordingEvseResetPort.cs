using System.Collections.Concurrent;
using ChargerController.Station.Provisioning;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>Records per-EVSE resets (the Worker would drive the EVSE to its safe state and restart its loop).</summary>
public sealed class RecordingEvseResetPort : IEvseResetPort
{
    private readonly TaskCompletionSource<int> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<int> Resets { get; } = new();

    public Task<int> FirstReset => _first.Task;

    public ValueTask ResetEvseAsync(int evseId, CancellationToken cancellationToken)
    {
        Resets.Enqueue(evseId);
        _first.TrySetResult(evseId);
        return ValueTask.CompletedTask;
    }
}
