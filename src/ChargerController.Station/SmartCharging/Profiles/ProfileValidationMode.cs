namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>Where a profile to validate comes from.</summary>
public enum ProfileValidationMode
{
    /// <summary>SetChargingProfileRequest (K01).</summary>
    SetChargingProfile,

    /// <summary>RequestStartTransactionRequest.chargingProfile (K05, F01.FR.09): a TxProfile without transactionId.</summary>
    RequestStartTransaction,
}
