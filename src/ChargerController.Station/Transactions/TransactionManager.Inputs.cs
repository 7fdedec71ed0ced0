using ChargerController.Ocpp.Enums;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <content>What the EVSEs and the sessions report, turned into transaction events (E01-E10).</content>
public sealed partial class TransactionManager
{
    private TxPoint StartPoints => TxPoints.Parse(Text("TxCtrlr", "TxStartPoint") ?? "PowerPathClosed");

    private TxPoint StopPoints => TxPoints.Parse(Text("TxCtrlr", "TxStopPoint") ?? "EVConnected,Authorized");

    private static bool Holds(TxPoint point, EvseTransactionState state) => point switch
    {
        TxPoint.ParkingBayOccupancy or TxPoint.EVConnected => state.EvConnected,
        TxPoint.Authorized => state.Authorized,
        TxPoint.DataSigned or TxPoint.PowerPathClosed => state.Authorized && state.EvConnected,
        TxPoint.EnergyTransfer => state.ChargingState == EvseChargingState.Charging,
        _ => false,
    };

    private static ChargingStateEnumType ToOcpp(EvseChargingState state, EvseTransactionState evse) => state switch
    {
        EvseChargingState.Charging => ChargingStateEnumType.Charging,
        EvseChargingState.SuspendedEV => ChargingStateEnumType.SuspendedEV,
        EvseChargingState.SuspendedEVSE => ChargingStateEnumType.SuspendedEVSE,

        // The EVSE withdrew the offer for a transaction limit (E16.FR.05) or a rejected token (E05.FR.02): from the EVSE's
        // side that is EVConnected without authorization, for the CSMS the EVSE is suspending the transaction.
        EvseChargingState.EVConnected when evse.Tx is { LimitReached: not null } or { InvalidIdExhausted: true } => ChargingStateEnumType.SuspendedEVSE,
        EvseChargingState.EVConnected when evse.ResumedWithoutEnergy && evse.Session is null => ChargingStateEnumType.SuspendedEVSE,
        EvseChargingState.EVConnected => ChargingStateEnumType.EVConnected,
        _ => evse.EvConnected ? ChargingStateEnumType.EVConnected : ChargingStateEnumType.Idle,
    };

    private bool AnyStartHolds(EvseTransactionState state)
    {
        var points = StartPoints;
        return Enum.GetValues<TxPoint>().Any(p => p != TxPoint.None && points.HasFlag(p) && Holds(p, state));
    }

    private async Task HandleEvseEventAsync(EvseEvent e, bool keptAuthorization)
    {
        if (!_states.TryGetValue(e.EvseId, out var state))
        {
            return;
        }

        switch (e)
        {
            case EvConnected:
                state.EvConnected = true;
                if (state.Tx is not null)
                {
                    // E03 authorization first with TxStartPoint Authorized: the cable arrives within the running transaction.
                    await UpdateAsync(state, TriggerReasonEnumType.CablePluggedIn).ConfigureAwait(false);
                }
                else
                {
                    var trigger = StartPoints == TxPoint.ParkingBayOccupancy ? TriggerReasonEnumType.EVDetected : TriggerReasonEnumType.CablePluggedIn;
                    await EvaluateStartAsync(state, trigger).ConfigureAwait(false);
                }

                break;
            case EvDisconnected:
                await OnEvGoneAsync(state, keptAuthorization).ConfigureAwait(false);
                break;
            case ChargingStateChanged changed:
                await OnChargingStateAsync(state, changed.State).ConfigureAwait(false);
                break;
            case EnergyOfferedChanged offered:
                state.OfferedCurrentA = offered.CurrentA;
                if (state.Tx is not null && offered.CurrentA > 0 && state.ReportedOfferedA > 0 && Math.Abs(offered.CurrentA - state.ReportedOfferedA) >= 0.5)
                {
                    await UpdateAsync(state, TriggerReasonEnumType.ChargingRateChanged).ConfigureAwait(false);
                }

                if (offered.CurrentA > 0)
                {
                    state.ReportedOfferedA = offered.CurrentA;
                }

                break;
            case PilotStateChanged pilot:
                state.Pilot = pilot.State;
                break;
            case EvseFaultRaised when state.Tx is not null:
                // E06.FR.16: a fault is reported as AbnormalCondition; the charging state follows on its own.
                await UpdateAsync(state, TriggerReasonEnumType.AbnormalCondition).ConfigureAwait(false);
                break;
            default:
                break;
        }

        ReleaseLatch(state);
    }

    private async Task HandleSessionStartedAsync(ChargingSession session)
    {
        if (!_states.TryGetValue(session.EvseId, out var state))
        {
            return;
        }

        state.Session = session;
        var trigger = session.RemoteStartId is not null ? TriggerReasonEnumType.RemoteStart : TriggerReasonEnumType.Authorized;
        if (state.Tx is not null)
        {
            // Cable first with TxStartPoint EVConnected: the transaction runs already; the token joins it (E02.FR.20).
            await UpdateAsync(state, trigger).ConfigureAwait(false);
        }
        else
        {
            state.Latched = false;
            await EvaluateStartAsync(state, trigger).ConfigureAwait(false);
        }

        if (state.Tx is { LimitMaxEnergyWh: not null } or { LimitMaxTimeS: not null } or { LimitMaxCost: not null })
        {
            // The station's own limit went out with the token (E16.FR.01, C18.FR.06): watch it as E16 does a CSMS one.
            await CheckLimitsAsync(state).ConfigureAwait(false);
            ScheduleLimitWatch(state);
        }
    }

    private async Task HandleSessionEndedAsync(ChargingSession session)
    {
        if (!_states.TryGetValue(session.EvseId, out var state) || state.Session?.TransactionId != session.TransactionId)
        {
            return;
        }

        state.Session = null;
        if (session.EndReason == SessionEndReason.EvDisconnected)
        {
            await OnEvGoneAsync(state, keptAuthorization: false).ConfigureAwait(false);
            return;
        }

        if (state.Tx is null)
        {
            ReleaseLatch(state);
            return;
        }

        var (trigger, reason) = session.EndReason switch
        {
            SessionEndReason.LocalStop => (TriggerReasonEnumType.StopAuthorized, ReasonEnumType.Local),
            SessionEndReason.RemoteStop => (TriggerReasonEnumType.RemoteStop, ReasonEnumType.Remote),
            SessionEndReason.ConnectionTimeout => (TriggerReasonEnumType.EVConnectTimeout, ReasonEnumType.Timeout),
            SessionEndReason.Deauthorized => (TriggerReasonEnumType.Deauthorized, ReasonEnumType.DeAuthorized),
            SessionEndReason.MasterPass => (TriggerReasonEnumType.StopAuthorized, ReasonEnumType.MasterPass),
            SessionEndReason.UnlockCommand => (TriggerReasonEnumType.UnlockCommand, ReasonEnumType.Other),
            SessionEndReason.Reset => (TriggerReasonEnumType.ResetCommand, ReasonEnumType.ImmediateReset),
            _ => (TriggerReasonEnumType.StopAuthorized, ReasonEnumType.Local),
        };
        var stopPoints = StopPoints;
        var authorizationEnds = (stopPoints & (TxPoint.Authorized | TxPoint.PowerPathClosed | TxPoint.DataSigned)) != TxPoint.None
            || (session.EndReason == SessionEndReason.ConnectionTimeout && !state.EvConnected);
        if (authorizationEnds)
        {
            await EndAsync(state, trigger, reason, session.StopToken).ConfigureAwait(false);
        }
        else
        {
            // The stop point is not reached (e.g. TxStopPoint EVConnected): report the deauthorization, end later (E07.FR.02).
            state.PendingStop = (trigger, reason);
            await UpdateAsync(state, trigger, session.StopToken).ConfigureAwait(false);
        }

        ReleaseLatch(state);
    }

    private async Task OnEvGoneAsync(EvseTransactionState state, bool keptAuthorization)
    {
        if (!state.EvConnected && state.Tx is null)
        {
            return;
        }

        state.EvConnected = false;
        state.ChargingState = EvseChargingState.Idle;
        if (state.Tx is not null && state.Session is not null && keptAuthorization && KeepOnEvSideDisconnect)
        {
            // E10: suspended, not ended (StopTxOnEVSideDisconnect false, TxStopPoint Authorized): the session and, on a socket
            // outlet, the lock stay; the EV plugged in again charges on (CablePluggedIn), the driver's token ends it.
            await UpdateAsync(state, TriggerReasonEnumType.EVCommunicationLost).ConfigureAwait(false);
        }
        else if (state.Tx is not null)
        {
            // E09: StopTxOnEVSideDisconnect (true by default) ends the transaction on unplug.
            var reason = state.PendingStop?.Reason ?? ReasonEnumType.EVDisconnected;

            // Without a bay sensor the cable leaving is the EV leaving the bay (EVDeparted) when only the bay stops it.
            var trigger = (StopPoints & (TxPoint.EVConnected | TxPoint.Authorized | TxPoint.PowerPathClosed | TxPoint.DataSigned | TxPoint.EnergyTransfer)) == TxPoint.None
                && StopPoints.HasFlag(TxPoint.ParkingBayOccupancy)
                ? TriggerReasonEnumType.EVDeparted
                : TriggerReasonEnumType.EVCommunicationLost;
            await EndAsync(state, trigger, reason).ConfigureAwait(false);
        }

        ReleaseLatch(state);
    }

    private async Task OnChargingStateAsync(EvseTransactionState state, EvseChargingState newState)
    {
        var previous = state.ChargingState;
        state.ChargingState = newState;
        if (state.Tx is null)
        {
            await EvaluateStartAsync(state, TriggerReasonEnumType.ChargingStateChanged).ConfigureAwait(false);
            return;
        }

        if (StopPoints.HasFlag(TxPoint.EnergyTransfer) && previous == EvseChargingState.Charging && newState != EvseChargingState.Charging)
        {
            var pending = state.PendingStop;
            // Nobody on the station side ended the authorization (that sets PendingStop), so the EV stopped asking; the pilot
            // reported in the same loop step confirms it when it has already settled in B.
            var byEv = newState == EvseChargingState.SuspendedEV || state.Pilot is PilotState.B1 or PilotState.B2 || state.Authorized;
            var reason = pending?.Reason ?? (byEv ? ReasonEnumType.StoppedByEV : ReasonEnumType.Other);
            await EndAsync(state, pending?.Trigger ?? TriggerReasonEnumType.ChargingStateChanged, reason).ConfigureAwait(false);
            return;
        }

        if (ToOcpp(newState, state) != state.ReportedChargingState)
        {
            await UpdateAsync(state, TriggerReasonEnumType.ChargingStateChanged).ConfigureAwait(false);
        }
    }

    private async Task EvaluateStartAsync(EvseTransactionState state, TriggerReasonEnumType trigger)
    {
        if (state.Tx is not null || state.Latched || !AnyStartHolds(state))
        {
            return;
        }

        await StartAsync(state, trigger).ConfigureAwait(false);
    }

    private void ReleaseLatch(EvseTransactionState state)
    {
        if (state.Latched && state.Tx is null && !AnyStartHolds(state))
        {
            state.Latched = false;
        }
    }
}
