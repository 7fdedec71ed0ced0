using ChargerController.Control.Wire;
using ChargerController.Station.Evse;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;

namespace ChargerController.Worker.ControlSocket;

/// <summary>
/// <c>evse.reset</c>: resets one EVSE through the same <see cref="IEvseResetPort"/> an OCPP Reset with evseId uses (B11.FR.08).
/// A technician's reset never surprises a driver: it is refused while the EVSE has a session or a transaction, unless
/// forced; forced, it is an Immediate reset: the transaction ends first with stoppedReason ImmediateReset (B12.FR.08).
/// </summary>
internal sealed class EvseResetCommands(IEvseResetPort? port, IStationTransactions transactions, IReadOnlyList<EvseController> evses, SessionCoordinator sessions, StationRuntime runtime) : IControlCommandModule
{
    public void Register(ControlRequestRouter router) => router.Map(ControlCommands.EvseReset, ResetAsync);

    private async ValueTask<ControlResponse> ResetAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        if (ControlReplies.EvseId(request, out var error) is not { } evseId)
        {
            return error!;
        }

        var force = request.Arg(ControlArgs.Force);
        if (force is not (null or "true" or "false"))
        {
            return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, "force must be 'true' or 'false'");
        }

        if (port is null)
        {
            return ControlReplies.Fail(ControlErrorCodes.NotAvailable, "this station cannot reset a single EVSE (EVSE.AllowReset is false)");
        }

        if (evses.FirstOrDefault(e => e.EvseId == evseId) is not { } evse)
        {
            return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"no EVSE {evseId}");
        }

        var transactionId = transactions.GetTransactionId(evseId);
        var busy = transactionId is not null || sessions.SessionOf(evseId) is not null || evse.Snapshot.SessionAuthorized;
        if (busy && force != "true")
        {
            var what = transactionId is null ? "an authorized session" : $"transaction {transactionId}";
            return ControlReplies.Fail(ControlErrorCodes.Refused, $"EVSE {evseId} has {what}: stop it first (chargerctl evse stop {evseId}), or add --force to end it now (stoppedReason ImmediateReset)");
        }

        try
        {
            // As an OCPP Immediate Reset of the EVSE: transaction ended first (B12.FR.08), Unavailable reported (B11.FR.08).
            await new EvseResetSequence(port, transactions, runtime.StatusReporter, runtime).RunAsync(evseId, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            return ControlReplies.Fail(ControlErrorCodes.Internal, $"EVSE {evseId} did not complete its reset: {ex.Message}");
        }

        var after = evse.Snapshot;
        var ended = transactionId is null ? string.Empty : $"transaction {transactionId} ended (ImmediateReset); ";
        return ControlReplies.Done($"EVSE {evseId} reset: {ended}back in service, connector {after.ConnectorStatus}");
    }
}
