using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Payment;

/// <content>C18 authorization by the integrated terminal, C18.FR.07/C19 cancellation before a transaction.</content>
public sealed partial class PaymentModule
{
    /// <summary>IdTokenType.idToken is at most 255 characters in OCPP 2.1.</summary>
    private const int MaxIdTokenLength = 255;

    private async Task RunTerminalAsync(CancellationToken cancellationToken)
    {
        var terminal = this.terminal!;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!PaymentEnabled)
            {
                // A station with a terminal but PaymentCtrlr.Enabled false does not arm it.
                await enabledChanged.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            PaymentTerminalEvent next;
            try
            {
                // C18.FR.01: the terminal reserves PaymentCtrlr.AuthorizationAmount on the next card.
                next = await terminal.NextEventAsync(GetDecimal("AuthorizationAmount", 50m), cancellationToken).ConfigureAwait(false);
                SetProblem(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
            {
                PaymentLog.TerminalFailed(logger, "waiting for a card", ex);
                SetProblem(true);
                await Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Post("terminal " + next.Kind, async () =>
            {
                try
                {
                    await OnTerminalEventAsync(next).ConfigureAwait(false);
                }
                finally
                {
                    done.TrySetResult();
                }
            });

            // One card at a time: the terminal is armed again once this one is handled.
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnTerminalEventAsync(PaymentTerminalEvent e)
    {
        switch (e.Kind)
        {
            case PaymentTerminalEventKind.Approved:
                await OnApprovedAsync(e).ConfigureAwait(false);
                break;
            case PaymentTerminalEventKind.CancelRequested when e.PspRef is { } pspRef && payments.TryGetValue(pspRef, out var payment):
                OnCancelRequested(payment);
                break;
            case PaymentTerminalEventKind.CancelRequested:
                PaymentLog.NotApproved(logger, "cancel", "no such payment " + e.PspRef);
                break;
            default:
                // C18 error handling: a declined or failed card authorizes nobody; with AuthorizeDirectPayment no AuthorizeRequest is sent.
                var kind = e.Kind.ToString();
                PaymentLog.NotApproved(logger, kind, e.Reason);
                break;
        }
    }

    private async Task OnApprovedAsync(PaymentTerminalEvent e)
    {
        var pspRef = e.PspRef;
        if (string.IsNullOrWhiteSpace(pspRef) || pspRef.Length > MaxIdTokenLength)
        {
            // A terminal bug: without a usable PspRef the payment can never be settled. Nothing to release either.
            PaymentLog.NotApproved(logger, "approved without a usable pspRef", pspRef);
            return;
        }

        if (payments.ContainsKey(pspRef))
        {
            PaymentLog.NotApproved(logger, "approved twice", pspRef);
            return;
        }

        if (!Is21)
        {
            // DirectPayment tokens and NotifySettlement exist only in OCPP 2.1: on a 2.0.1 connection nobody could settle.
            await RefuseAsync(pspRef, "the CSMS connection is OCPP 2.0.1", null).ConfigureAwait(false);
            return;
        }

        PaymentLog.Approved(logger, pspRef, e.EvseId);
        var amount = GetDecimal("AuthorizationAmount", 50m);
        var token = new IdTokenType { IdToken = pspRef, Type = PaymentTokens.DirectPayment, AdditionalInfo = AdditionalInfo(e.Details) };
        var authorizeDirect = context?.DeviceModel.GetBool(DeviceModelCatalog.PaymentCtrlr, "AuthorizeDirectPayment", false) == true;
        AuthorizationDecision decision;
        if (authorizeDirect)
        {
            // C18.FR.04: ask the CSMS with the PspRef as DirectPayment token and the configured payment details.
            var answer = await CallAsync<AuthorizeRequest, AuthorizeResponse>("Authorize", new AuthorizeRequest { IdToken = token }).ConfigureAwait(false);
            if (answer?.IdTokenInfo is not { Status: AuthorizationStatusEnumType.Accepted } info)
            {
                // C18.FR.07: not Accepted (or no answer): release the amount and cancel the payment.
                await RefuseAsync(pspRef, "the CSMS answered " + (answer?.IdTokenInfo.Status.ToString() ?? "nothing"), null).ConfigureAwait(false);
                return;
            }

            decision = new AuthorizationDecision(info, AuthorizationSource.Csms);
        }
        else
        {
            // C18.FR.03: the PSP's approval is the authorization.
            decision = new AuthorizationDecision(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, AuthorizationSource.None);
        }

        var payment = new PaymentRecord(pspRef, token, authorizeDirect, amount);
        payments[pspRef] = payment;

        // C18.FR.06: the next TransactionEvent carries the token and transactionLimit.maxCost = the authorization amount.
        var started = await sessions.StartAsync(token, decision, e.EvseId, new TransactionLimitType { MaxCost = amount }, stop.Token).ConfigureAwait(false);
        if (started.Session is null)
        {
            // C18.FR.05 note / C01.FR.21: no EVSE may take it (busy, restricted, reserved): the driver pays nothing.
            payments.Remove(pspRef);
            await RefuseAsync(pspRef, started.Reason, authorizeDirect ? payment : null).ConfigureAwait(false);
            return;
        }

        payment.EvseId = started.Session.EvseId;
        Keep(payment);
    }

    private void OnCancelRequested(PaymentRecord payment)
    {
        // C19/C20: the driver stops at the terminal; the session ends like a local stop (E07, C20.FR.01 StopAuthorized).
        if (payment.EvseId is { } evseId && sessions.SessionOf(evseId)?.Token?.IdToken == payment.PspRef)
        {
            sessions.Stop(evseId, payment.Token);
        }
    }

    private async Task OnPaymentSessionEndedAsync(string pspRef, Sessions.ChargingSession session, bool hadTransaction)
    {
        if (!payments.TryGetValue(pspRef, out var payment) || payment.TransactionId is not null || hadTransaction)
        {
            // A transaction ran: its Ended event settles or cancels the payment (C20/C21).
            return;
        }

        // C19.FR.01: stopped before a transaction (or EVConnectionTimeout): release the amount and cancel.
        payments.Remove(pspRef);
        await CancelAtTerminalAsync(pspRef).ConfigureAwait(false);
        var why = " before a transaction (" + session.EndReason + ")";
        PaymentLog.Cancelled(logger, pspRef, why);
        if (payment.CsmsAuthorized)
        {
            // C19.FR.02: the CSMS knows the token and learns it will not be charged.
            await NotifySettlementAsync(new NotifySettlementRequest
            {
                PspRef = pspRef,
                Status = PaymentStatusEnumType.Canceled,
                SettlementAmount = 0m,
                SettlementTime = time.GetUtcNow(),
            }).ConfigureAwait(false);
        }

        Drop(pspRef);
    }

    private async Task RefuseAsync(string pspRef, string reason, PaymentRecord? known)
    {
        PaymentLog.Refused(logger, pspRef, reason);
        await CancelAtTerminalAsync(pspRef).ConfigureAwait(false);
        if (known is not null)
        {
            // The CSMS accepted a token that will never start a transaction (C19.FR.02 by analogy).
            await NotifySettlementAsync(new NotifySettlementRequest { PspRef = pspRef, Status = PaymentStatusEnumType.Canceled, SettlementAmount = 0m, SettlementTime = time.GetUtcNow() }).ConfigureAwait(false);
        }
    }

    private async Task<bool> CancelAtTerminalAsync(string pspRef)
    {
        if (terminal is null)
        {
            return false;
        }

        try
        {
            return await terminal.CancelAsync(pspRef, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !stop.IsCancellationRequested)
        {
            PaymentLog.TerminalFailed(logger, "cancel", ex);
            SetProblem(true);
            return false;
        }
    }

    private AdditionalInfoType[]? AdditionalInfo(IReadOnlyDictionary<string, string>? details)
    {
        if (details is null || details.Count == 0)
        {
            return null;
        }

        // C18.FR.04/06: only the types listed in the actual value of PaymentCtrlr.PaymentDetails, and never the PspRef
        // twice (it is the idToken itself).
        var wanted = (context?.DeviceModel.GetValue(VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, "PaymentDetails")) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var list = details
            .Where(d => wanted.Contains(d.Key) && d.Key != "PspRef" && !string.IsNullOrEmpty(d.Value) && d.Value.Length <= MaxIdTokenLength && d.Key.Length <= 50)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new AdditionalInfoType { Type = d.Key, AdditionalIdToken = d.Value })
            .ToArray();
        return list.Length == 0 ? null : list;
    }

    private void SetProblem(bool problem)
    {
        context?.DeviceModel.SetByStation(VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, "Problem"), problem ? "true" : "false");
    }

    private void PublishTerminalInfo()
    {
        if (terminal is null || context is null)
        {
            return;
        }

        PaymentTerminalInfo info;
        try
        {
            info = terminal.Info;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PaymentLog.TerminalFailed(logger, "info", ex);
            SetProblem(true);
            return;
        }

        var model = context.DeviceModel;
        void Set(string variable, string value) => model.SetByStation(VariableKey.Of(DeviceModelCatalog.PaymentCtrlr, variable), value);
        Set("TerminalID", info.TerminalId);
        Set("PaymentServiceProvider", info.PaymentServiceProvider);
        Set("VendorName", info.VendorName);
        Set("Model", info.Model);
        Set("SerialNumber", info.SerialNumber);
        Set("FirmwareVersion", info.FirmwareVersion);
        Set("IMSI", info.Imsi);
        Set("ICCID", info.Iccid);
        Set("Connected", info.Connected ? "true" : "false");
    }
}
