namespace ChargerController.Station.Payment;

/// <summary>The status of a VAT number validation as the station sees it.</summary>
public enum VatNumberValidationStatus
{
    /// <summary>The CSMS accepted the number; it goes on the receipt (NotifySettlement vatNumber/vatCompany).</summary>
    Accepted = 0,

    /// <summary>The CSMS rejected the number.</summary>
    Rejected,

    /// <summary>Not validated: offline, OCPP 2.0.1, an error answer or an answer for another number/EVSE.</summary>
    Unavailable,
}
