using ChargerController.Ocpp.Transport;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>Leaves the target to the transport options and records how each connection attempt ended.</summary>
internal sealed class RecordingConnectionTargets : IConnectionTargetProvider
{
    private readonly TaskCompletionSource<ConnectFailureKind> _firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event EventHandler? ReconnectRequested;

    public Task<ConnectFailureKind> FirstFailure => _firstFailure.Task;

    public int Connected { get; private set; }

    public ConnectionTarget? GetTarget() => null;

    public void OnConnected(ConnectionTarget? target) => Connected++;

    public void OnConnectFailed(ConnectionTarget? target, ConnectFailureKind kind, string reason) => _firstFailure.TrySetResult(kind);

    public void RequestReconnect() => ReconnectRequested?.Invoke(this, EventArgs.Empty);
}
