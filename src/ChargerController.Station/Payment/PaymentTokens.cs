namespace ChargerController.Station.Payment;

/// <summary>OCPP 2.1 names the payment block uses on the wire.</summary>
public static class PaymentTokens
{
    /// <summary>The IdTokenEnumStringType of an ad hoc payment token: its value is the PSP reference (C18, C24, C25).</summary>
    public const string DirectPayment = "DirectPayment";
}
