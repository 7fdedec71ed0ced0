using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;

namespace ChargerController.Station.Payment;

/// <content>C18.FR.08-10: VAT number validation before settlement.</content>
public sealed partial class PaymentModule
{
    /// <summary>
    /// Asks the CSMS to validate a VAT number the driver entered (C18.FR.08). An accepted number (and the company the
    /// CSMS returns) goes into the NotifySettlement of the payment on that EVSE. Never throws for a CSMS problem: no
    /// answer, a CALLERROR, a 2.0.1 connection or an answer about another number or EVSE (C18.FR.10) is Unavailable.
    /// </summary>
    /// <param name="vatNumber">The VAT number (1-20 characters).</param>
    /// <param name="evseId">The EVSE of the payment, or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The result.</returns>
    public async Task<VatNumberValidationResult> ValidateVatNumberAsync(string vatNumber, int? evseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vatNumber);
        if (vatNumber.Length > 20)
        {
            throw new ArgumentException("A VAT number has at most 20 characters (VatNumberValidationRequest).", nameof(vatNumber));
        }

        var answer = await CallAsync<VatNumberValidationRequest, VatNumberValidationResponse>("VatNumberValidation", new VatNumberValidationRequest { VatNumber = vatNumber, EvseId = evseId }).WaitAsync(cancellationToken).ConfigureAwait(false);
        VatNumberValidationResult result;
        if (answer is null || !string.Equals(answer.VatNumber, vatNumber, StringComparison.Ordinal) || answer.EvseId != evseId)
        {
            result = new VatNumberValidationResult(VatNumberValidationStatus.Unavailable, null);
        }
        else if (answer.Status == GenericStatusEnumType.Accepted)
        {
            result = new VatNumberValidationResult(VatNumberValidationStatus.Accepted, answer.Company);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Post("VAT number", () =>
            {
                foreach (var payment in payments.Values.Where(p => evseId is null ? payments.Count == 1 : p.EvseId == evseId))
                {
                    payment.VatNumber = vatNumber;
                    payment.VatCompany = answer.Company;
                    Keep(payment);
                }

                done.TrySetResult();
                return Task.CompletedTask;
            });
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = new VatNumberValidationResult(VatNumberValidationStatus.Rejected, null);
        }

        var statusName = result.Status.ToString();
        PaymentLog.VatValidated(logger, statusName);
        return result;
    }
}
