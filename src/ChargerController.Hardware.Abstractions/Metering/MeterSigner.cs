namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>
/// Produces the signed data set of a meter for one of its readings. A meter that signs in hardware (e.g. a meter with a
/// Modbus "signed data" register block) captures its signed data set while it is read and hands it out here; the
/// simulated meter signs in software. The data set covers the import energy register of the reading. A meter hands its
/// signer out through <see cref="IEnergyMeter.Signer"/>.
/// </summary>
public abstract class MeterSigner
{
    /// <summary>Gets the signature algorithm, as the OCPP SigningMethodEnumStringType names it (e.g. <c>ECDSA-secp256r1-SHA256</c>).</summary>
    public abstract string SigningMethod { get; }

    /// <summary>Gets the format of the signed data set (e.g. <c>OCMF</c>, <c>EDL</c>).</summary>
    public abstract string EncodingMethod { get; }

    /// <summary>Gets the meter's public key in the form a CSMS or transparency software needs to check a signature.</summary>
    public abstract string PublicKey { get; }

    /// <summary>Signs the import energy register of a reading this meter returned.</summary>
    /// <param name="reading">A reading from this meter's <see cref="IEnergyMeter.ReadAsync"/>.</param>
    /// <param name="context">What the reading is for (begin, end of a transaction …), recorded in the data set.</param>
    /// <returns>The signed data set, or <see langword="null"/> when the meter has none for this reading.</returns>
    public abstract SignedMeterData? Sign(MeterReading reading, MeterSigningContext context);
}
