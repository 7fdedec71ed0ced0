using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Payment;

/// <summary>The persisted state of one terminal payment between approval and settlement.</summary>
public sealed record StoredPayment
{
    /// <summary>Gets the PSP's reference (the DirectPayment idToken).</summary>
    public required string PspRef { get; init; }

    /// <summary>Gets the token with its additional info.</summary>
    public required IdTokenType IdToken { get; init; }

    /// <summary>Gets a value indicating whether the CSMS authorized the token (AuthorizeDirectPayment).</summary>
    public bool CsmsAuthorized { get; init; }

    /// <summary>Gets the amount reserved on the card.</summary>
    public decimal Authorized { get; init; }

    /// <summary>Gets the EVSE, when known.</summary>
    public int? EvseId { get; init; }

    /// <summary>Gets the transaction the payment pays for, once started.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Gets the authorization at which the terminal refused an increase (C23), if it did.</summary>
    public decimal? IncreaseRefusedAt { get; init; }

    /// <summary>Gets the validated VAT number (C18.FR.08), if any.</summary>
    public string? VatNumber { get; init; }

    /// <summary>Gets the company of that VAT number, if known.</summary>
    public AddressType? VatCompany { get; init; }

    /// <summary>Gets a value indicating whether the transaction ended and its Ended event was delivered: the payment is due for settlement.</summary>
    public bool SettlementDue { get; init; }

    /// <summary>Gets the total cost to settle, as known when the settlement became due (null: no cost known).</summary>
    public decimal? SettlementAmount { get; init; }
}
