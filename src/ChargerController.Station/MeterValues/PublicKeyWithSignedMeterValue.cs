namespace ChargerController.Station.MeterValues;

/// <summary>OCPPCommCtrlr.PublicKeyWithSignedMeterValue (Part 2 §2.9.25): when the meter's public key goes with a signed value.</summary>
public enum PublicKeyWithSignedMeterValue
{
    /// <summary>Never: publicKey is sent empty.</summary>
    Never,

    /// <summary>With the first signed value of each transaction (and with every signed value outside a transaction).</summary>
    OncePerTransaction,

    /// <summary>With every signed value.</summary>
    EveryMeterValue,
}
