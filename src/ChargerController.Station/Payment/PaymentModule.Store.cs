using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;

namespace ChargerController.Station.Payment;

/// <content>Payments not settled yet survive a restart (C21: the captured amount must reach the PSP and the CSMS).</content>
public sealed partial class PaymentModule
{
    private void Keep(PaymentRecord payment)
    {
        try
        {
            store.Save(payment.ToStored());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A store failure loses durability, never the payment in progress.
            PaymentLog.StoreFailed(logger, "save", ex);
        }
    }

    private void Drop(string pspRef)
    {
        try
        {
            store.Remove(pspRef);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PaymentLog.StoreFailed(logger, "remove", ex);
        }
    }

    /// <summary>
    /// Takes the payments of the previous run back, before the work loop starts: a payment whose transaction ended is
    /// settled now with the amount known then; one bound to a transaction waits for that transaction's Ended event (the
    /// transaction block resumes or ends it, and the event is in the persistent queue); one that never got a transaction
    /// lost its session with the power, so its reservation is released (C19).
    /// </summary>
    private void Restore()
    {
        IReadOnlyList<StoredPayment> stored;
        try
        {
            stored = store.LoadAll();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PaymentLog.StoreFailed(logger, "load", ex);
            return;
        }

        foreach (var row in stored)
        {
            var payment = PaymentRecord.From(row);
            if (payment.SettlementDue && payment.TransactionId is { } transactionId)
            {
                PaymentLog.Restored(logger, payment.PspRef, "settling transaction " + transactionId);
                Post("settle after restart", async () =>
                {
                    await SettleAsync(payment, transactionId).ConfigureAwait(false);
                    Drop(payment.PspRef);
                });
            }
            else if (payment.TransactionId is not null)
            {
                PaymentLog.Restored(logger, payment.PspRef, "waiting for the end of transaction " + payment.TransactionId);
                payments[payment.PspRef] = payment;
            }
            else
            {
                PaymentLog.Restored(logger, payment.PspRef, "no transaction started, releasing");
                Post("release after restart", () => ReleaseUnusedAsync(payment));
            }
        }
    }

    private async Task ReleaseUnusedAsync(PaymentRecord payment)
    {
        await CancelAtTerminalAsync(payment.PspRef).ConfigureAwait(false);
        if (payment.CsmsAuthorized)
        {
            // C19.FR.02: the CSMS knows the token and learns it will not be charged.
            await NotifySettlementAsync(new NotifySettlementRequest
            {
                PspRef = payment.PspRef,
                Status = PaymentStatusEnumType.Canceled,
                SettlementAmount = 0m,
                SettlementTime = time.GetUtcNow(),
            }).ConfigureAwait(false);
        }

        Drop(payment.PspRef);
    }
}
