using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Payment;

/// <summary>One approved terminal payment, from approval to settlement or cancellation (state of the payment block's loop).</summary>
internal sealed class PaymentRecord(string pspRef, IdTokenType token, bool csmsAuthorized, decimal authorized)
{
    public string PspRef { get; } = pspRef;

    public IdTokenType Token { get; } = token;

    /// <summary>Gets a value indicating whether the CSMS knows the token (AuthorizeDirectPayment: C19.FR.02 then notifies a cancel).</summary>
    public bool CsmsAuthorized { get; } = csmsAuthorized;

    public decimal Authorized { get; set; } = authorized;

    public int? EvseId { get; set; }

    public string? TransactionId { get; set; }

    public decimal? IncreaseRefusedAt { get; set; }

    public string? VatNumber { get; set; }

    public AddressType? VatCompany { get; set; }
}
