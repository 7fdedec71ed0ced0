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

    /// <summary>Gets or sets a value indicating whether the Ended event was delivered and the settlement is due.</summary>
    public bool SettlementDue { get; set; }

    /// <summary>Gets or sets the amount to settle once due (null: no total cost known).</summary>
    public decimal? SettlementAmount { get; set; }

    public static PaymentRecord From(StoredPayment stored) => new(stored.PspRef, stored.IdToken, stored.CsmsAuthorized, stored.Authorized)
    {
        EvseId = stored.EvseId,
        TransactionId = stored.TransactionId,
        IncreaseRefusedAt = stored.IncreaseRefusedAt,
        VatNumber = stored.VatNumber,
        VatCompany = stored.VatCompany,
        SettlementDue = stored.SettlementDue,
        SettlementAmount = stored.SettlementAmount,
    };

    public StoredPayment ToStored() => new()
    {
        PspRef = PspRef,
        IdToken = Token,
        CsmsAuthorized = CsmsAuthorized,
        Authorized = Authorized,
        EvseId = EvseId,
        TransactionId = TransactionId,
        IncreaseRefusedAt = IncreaseRefusedAt,
        VatNumber = VatNumber,
        VatCompany = VatCompany,
        SettlementDue = SettlementDue,
        SettlementAmount = SettlementAmount,
    };
}
