using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <content>TransactionEventResponse idTokenInfo (E05, C10.FR.05) and device-model changes.</content>
public sealed partial class TransactionManager
{
    private void OnQueuedMessageDelivered(object? sender, OutboundDeliveredEventArgs e)
    {
        if (e.Message.Action != "TransactionEvent" || e.Response is not { } response || e.Message.TransactionId is not { } transactionId)
        {
            return;
        }

        Ocpp.Messages.Transactions.TransactionEventResponse? answer;
        try
        {
            answer = response.Deserialize(OcppJsonContext.Default.TransactionEventResponse);
        }
        catch (JsonException)
        {
            return;
        }

        if (answer?.IdTokenInfo is { } info)
        {
            Post("idTokenInfo", () => ApplyIdTokenInfoAsync(transactionId, info));
        }

        if (answer is { TransactionLimit: not null } or { TotalCost: not null })
        {
            Post("transaction limit", () => ApplyCsmsLimitAsync(transactionId, answer.TransactionLimit, answer.TotalCost));
        }
    }

    private async Task ApplyIdTokenInfoAsync(string transactionId, IdTokenInfoType info)
    {
        var state = _states.Values.FirstOrDefault(s => s.Tx?.TransactionId == transactionId);
        var token = state?.Session?.Token ?? (state?.Tx is { IdToken: { } id } tx ? new IdTokenType { IdToken = id, Type = tx.IdTokenType ?? "Local" } : null);
        if (token is not null)
        {
            _authorizer.OnIdTokenInfoReceived(token, info);
        }

        if (state is null || info.Status == AuthorizationStatusEnumType.Accepted || state.Session is null)
        {
            return;
        }

        var status = info.Status.ToString();
        TransactionLog.IdTokenNotAccepted(_logger, transactionId, status);
        if (_context?.DeviceModel.GetBool("TxCtrlr", "StopTxOnInvalidId", true) != false)
        {
            // E05.FR.09 (StopTxOnInvalidId): the transaction is stopped: Deauthorized / DeAuthorized.
            _sessions.Stop(state.EvseId, SessionEndReason.Deauthorized);
        }
        else
        {
            // E05.FR.02/03: keep the transaction; the energy stops now, or once MaxEnergyOnInvalidId more Wh were delivered.
            // The EVSE then reports SuspendedEVSE.
            await StartInvalidIdAllowanceAsync(state).ConfigureAwait(false);
        }
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e)
    {
        switch (e.Key.Component, e.Key.Variable)
        {
            case ("TxCtrlr", "EVConnectionTimeOut"):
                ApplyConnectionTimeout();
                break;
            case ("OCPPCommCtrlr", "UnlockOnEVSideDisconnect"):
                ApplyUnlockOnEvSideDisconnect();
                break;
            case ("TxCtrlr", "StopTxOnEVSideDisconnect") or ("TxCtrlr", "TxStopPoint"):
                ApplyKeepOnEvSideDisconnect();
                break;
            case ("AlignedDataCtrlr", "Interval"):
                ScheduleClock();
                break;
            case ("SampledDataCtrlr", "TxUpdatedInterval") or ("SampledDataCtrlr", "TxEndedInterval"):
                Post("sampled interval", () =>
                {
                    foreach (var state in _states.Values.Where(s => s.Tx is not null))
                    {
                        StartTimers(state);
                    }

                    return Task.CompletedTask;
                });
                break;
            default:
                break;
        }
    }

    private void ApplyUnlockOnEvSideDisconnect()
    {
        // E09.FR.02/03: the EVSE controller owns the lock; it only needs to know whether to hold it after an EV-side unplug.
        var unlock = _context?.DeviceModel.GetBool("OCPPCommCtrlr", "UnlockOnEVSideDisconnect", true) != false;
        foreach (var evse in _evses.Values)
        {
            evse.SetUnlockOnEvSideDisconnect(unlock);
        }
    }

    /// <summary>
    /// E10: with StopTxOnEVSideDisconnect false a transaction that only the authorization ends (TxStopPoint Authorized) is
    /// suspended when the cable leaves the EV. With EVConnected, PowerPathClosed or EnergyTransfer in TxStopPoint the
    /// cable leaving still ends it (E06), as does ParkingBayOccupancy, which follows the cable on this station.
    /// </summary>
    private bool KeepOnEvSideDisconnect =>
        _context?.DeviceModel.GetBool("TxCtrlr", "StopTxOnEVSideDisconnect", true) == false && StopPoints == TxPoint.Authorized;

    private void ApplyKeepOnEvSideDisconnect()
    {
        var keep = KeepOnEvSideDisconnect;
        foreach (var evse in _evses.Values)
        {
            evse.SetKeepAuthorizationOnEvSideDisconnect(keep);
        }

        _sessions.SetKeepSessionOnEvSideDisconnect(keep);
    }

    private void ApplyConnectionTimeout()
    {
        var seconds = _context?.DeviceModel.GetInt("TxCtrlr", "EVConnectionTimeOut", 120) ?? 120;
        if (seconds > 0)
        {
            _sessions.SetConnectionTimeout(TimeSpan.FromSeconds(seconds));
        }
    }
}
