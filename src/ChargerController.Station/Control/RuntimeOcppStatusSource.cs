using ChargerController.Ocpp.Queue;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Control;

/// <summary>
/// <c>chargerctl status</c>'s view of the OCPP runtime: connection, negotiated subprotocol, registration state and
/// the depth of the outbound queue (what is waiting for the CSMS).
/// </summary>
public sealed class RuntimeOcppStatusSource : IOcppStatusSource
{
    private readonly Runtime.IOcppStatusSource runtime;
    private readonly IOutboundQueue queue;
    private int lastDepth;

    /// <summary>Creates the adapter.</summary>
    /// <param name="runtime">The OCPP runtime.</param>
    /// <param name="queue">The outbound queue the runtime drains.</param>
    public RuntimeOcppStatusSource(Runtime.IOcppStatusSource runtime, IOutboundQueue queue)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(queue);
        this.runtime = runtime;
        this.queue = queue;
    }

    /// <inheritdoc />
    public OcppStatus Current => Snapshot(Volatile.Read(ref lastDepth));

    /// <inheritdoc />
    public async ValueTask<OcppStatus> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var statistics = await queue.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref lastDepth, statistics.Count);
        return Snapshot(statistics.Count);
    }

    /// <summary>The wire name of a registration state: <c>None</c> before any answer, else the BootNotification status.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string BootStatusName(RegistrationState state) => state == RegistrationState.Unregistered ? "None" : state.ToString();

    private OcppStatus Snapshot(int depth) =>
        new(runtime.IsConnected, runtime.Subprotocol, BootStatusName(runtime.Registration), depth);
}
