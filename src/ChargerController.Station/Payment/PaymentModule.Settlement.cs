using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Ocpp.Messages.Transactions;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Payment;

/// <content>C20 cancellation after the start, C21/C22 settlement and receipts, C23 incremental authorization.</content>
public sealed partial class PaymentModule
{
    /// <summary>NotifySettlement statusInfo is at most 500 characters.</summary>
    private const int MaxStatusInfo = 500;

    private Task OnTransactionStartedAsync(int evseId, ChargingSession? session, string? transactionId)
    {
        if (transactionId is null || session?.Token is not { Type: PaymentTokens.DirectPayment } token)
        {
            return Task.CompletedTask;
        }

        if (payments.TryGetValue(token.IdToken, out var payment))
        {
            payment.TransactionId ??= transactionId;
            payment.EvseId = evseId;
            Keep(payment);
        }

        return OnWebPaymentTransactionStartedAsync(evseId, transactionId, payment is null);
    }

    private async Task OnTransactionEventDeliveredAsync(OutboundDeliveredEventArgs e)
    {
        if (PaymentWire.Read(e.Message.PayloadJson, OcppJsonContext.Default.TransactionEventRequest) is not { } request)
        {
            return;
        }

        var transactionId = request.TransactionInfo.TransactionId;
        var payment = payments.Values.FirstOrDefault(p => p.TransactionId == transactionId);
        if (payment is null && request.IdToken is { Type: PaymentTokens.DirectPayment } token && payments.TryGetValue(token.IdToken, out var byToken))
        {
            // The first event after the authorization carries the token (C18.FR.06): it binds the payment to the transaction.
            payment = byToken;
            payment.TransactionId = transactionId;
            Keep(payment);
        }

        if (payment is null || request.EventType != TransactionEventEnumType.Ended)
        {
            if (payment is null && request.EventType == TransactionEventEnumType.Ended)
            {
                // A transaction paid otherwise (RFID, remote start): its recorded cost is never settled here, so it is
                // dropped now instead of staying in memory for the life of the process.
                Reported?.Forget(transactionId);
            }

            return;
        }

        payments.Remove(payment.PspRef);

        // Durable before the terminal is asked: a reboot from here on settles after the restart with this amount.
        payment.SettlementDue = true;
        payment.SettlementAmount = costs.TotalCost(transactionId);
        Keep(payment);
        await SettleAsync(payment, transactionId).ConfigureAwait(false);
        Drop(payment.PspRef);
    }

    private async Task SettleAsync(PaymentRecord payment, string transactionId)
    {
        var model = context!.DeviceModel;
        var now = time.GetUtcNow();
        if (model.GetBool(DeviceModelCatalog.PaymentCtrlr, "SettlementByCSMS", false))
        {
            // C21.FR.05/06: the CSMS settles with the PSP; the terminal is not used. C21.FR.07: where the receipt will be.
            var server = model.GetValue(VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, "ReceiptServerUrl"));
            if (!string.IsNullOrWhiteSpace(server))
            {
                Show(payment.EvseId, d => d.ShowText(payment.EvseId ?? 0, server));
            }

            Reported?.Forget(transactionId);
            return;
        }

        var cost = payment.SettlementDue ? payment.SettlementAmount : costs.TotalCost(transactionId);
        Reported?.Forget(transactionId);
        if (cost is null)
        {
            // Neither the CSMS nor a local calculation gave a total cost: nothing is captured on a guess. The CSO settles
            // later with the pspRef (C22 remark).
            await NotifySettlementAsync(Settlement(payment, transactionId, PaymentStatusEnumType.Failed, 0m, now) with { StatusInfo = "No total cost is known for the transaction" }).ConfigureAwait(false);
            PaymentLog.Settled(logger, payment.PspRef, transactionId, "Failed (no total cost)", 0m);
            return;
        }

        if (cost.Value == 0m)
        {
            // C20.FR.04/05: no costs were incurred: release the amount and cancel instead of settling.
            await CancelAtTerminalAsync(payment.PspRef).ConfigureAwait(false);
            await NotifySettlementAsync(Settlement(payment, transactionId, PaymentStatusEnumType.Canceled, 0m, now)).ConfigureAwait(false);
            PaymentLog.Cancelled(logger, payment.PspRef, " after transaction " + transactionId + " without costs");
            return;
        }

        // C21.FR.01: settle the total cost via the terminal.
        PaymentSettlementResult result;
        try
        {
            result = await terminal!.SettleAsync(payment.PspRef, cost.Value, stop.Token).ConfigureAwait(false)
                ?? new PaymentSettlementResult(PaymentStatusEnumType.Failed, StatusInfo: "The payment terminal gave no result");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !stop.IsCancellationRequested)
        {
            // C22.FR.02: a terminal failure is a Failed settlement (technical reasons).
            PaymentLog.TerminalFailed(logger, "settle", ex);
            SetProblem(true);
            result = new PaymentSettlementResult(PaymentStatusEnumType.Failed, StatusInfo: "The payment terminal failed: " + ex.Message);
        }

        var status = result.Status is PaymentStatusEnumType.Settled or PaymentStatusEnumType.Rejected ? result.Status : PaymentStatusEnumType.Failed;
        var request = Settlement(payment, transactionId, status, cost.Value, time.GetUtcNow());
        if (status == PaymentStatusEnumType.Settled)
        {
            if (!model.GetBool(DeviceModelCatalog.PaymentCtrlr, "ReceiptByCSMS", true))
            {
                // C21.FR.04: the terminal's receipt goes to the CSMS; the driver sees it now (C21 alternative scenario).
                request = request with { ReceiptId = Clip(result.ReceiptId, 50), ReceiptUrl = Clip(result.ReceiptUrl, 2000) };
                if (request.ReceiptUrl is { } url)
                {
                    Show(payment.EvseId, d => d.ShowText(payment.EvseId ?? 0, url));
                }
            }
        }
        else
        {
            // C22.FR.01/02: no receipt information, the reason in statusInfo.
            request = request with { StatusInfo = Clip(result.StatusInfo, MaxStatusInfo) };
        }

        var statusName = status.ToString();
        PaymentLog.Settled(logger, payment.PspRef, transactionId, statusName, cost.Value);
        await NotifySettlementAsync(request).ConfigureAwait(false);
    }

    private static NotifySettlementRequest Settlement(PaymentRecord payment, string transactionId, PaymentStatusEnumType status, decimal amount, DateTimeOffset now) => new()
    {
        // C21.FR.02 / C20.FR.05: transactionId, pspRef, status, settlementAmount, settlementTime; C18.FR.08 the VAT data.
        TransactionId = transactionId,
        PspRef = payment.PspRef,
        Status = status,
        SettlementAmount = amount,
        SettlementTime = now,
        VatNumber = status == PaymentStatusEnumType.Settled ? payment.VatNumber : null,
        VatCompany = status == PaymentStatusEnumType.Settled ? payment.VatCompany : null,
    };

    private Task OnSettlementAnswered(ReadOnlyMemory<byte> payload, JsonElement response)
    {
        // C21.FR.03: with ReceiptByCSMS the CSMS answers with the receipt URL, which the driver is shown.
        if (PaymentWire.Read(response, OcppJsonContext.Default.NotifySettlementResponse) is { ReceiptUrl: { Length: > 0 } url }
            && PaymentWire.Read(payload, OcppJsonContext.Default.NotifySettlementRequest) is { Status: PaymentStatusEnumType.Settled } request)
        {
            var evseId = LastEvseOf(request.TransactionId);
            Show(evseId, d => d.ShowText(evseId ?? 0, url));
            ReceiptShown?.Invoke(this, url);
        }

        return Task.CompletedTask;
    }

    private async Task IncreaseIfNeededAsync(string transactionId)
    {
        var payment = payments.Values.FirstOrDefault(p => p.TransactionId == transactionId);
        if (payment is null || terminal is null || costs.TotalCost(transactionId) is not { } cost)
        {
            return;
        }

        var increment = GetDecimal("IncrementalAuthorizationAmount", 0m);
        var threshold = GetDecimal("IncrementalAuthorizationThreshold", 0m);

        // C23.FR.01: only when IncrementalAuthorizationAmount > 0 and the cost exceeds the authorization minus the threshold.
        if (increment <= 0m || cost <= payment.Authorized - threshold || payment.IncreaseRefusedAt == payment.Authorized)
        {
            return;
        }

        bool raised;
        try
        {
            raised = await terminal.IncreaseAuthorizationAsync(payment.PspRef, increment, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !stop.IsCancellationRequested)
        {
            PaymentLog.TerminalFailed(logger, "increase", ex);
            SetProblem(true);
            raised = false;
        }

        if (!raised)
        {
            // The limit stays: the energy stops at maxCost (E16), never beyond what the card covers.
            payment.IncreaseRefusedAt = payment.Authorized;
            Keep(payment);
            PaymentLog.IncreaseRefused(logger, payment.PspRef, payment.Authorized);
            return;
        }

        payment.Authorized += increment;
        Keep(payment);
        PaymentLog.Increased(logger, payment.PspRef, payment.Authorized);

        // C23.FR.02: TransactionEvent LimitSet with maxCost raised by the increment.
        await sessions.SetLimitAsync(transactionId, new TransactionLimitType { MaxCost = payment.Authorized }, stop.Token).ConfigureAwait(false);

        // The cost may already be past the next threshold too.
        await IncreaseIfNeededAsync(transactionId).ConfigureAwait(false);
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
