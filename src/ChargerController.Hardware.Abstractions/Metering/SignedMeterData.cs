namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>One signed data set of a meter, as the meter produced it.</summary>
/// <param name="Data">The signed data set, bytes exactly as the meter produced them (the station Base64-encodes them for OCPP).</param>
/// <param name="SigningMethod">The signature algorithm (e.g. <c>ECDSA-secp256r1-SHA256</c>).</param>
/// <param name="EncodingMethod">The format of <paramref name="Data"/> (e.g. <c>OCMF</c>).</param>
/// <param name="PublicKey">The key that checks the signature.</param>
public sealed record SignedMeterData(ReadOnlyMemory<byte> Data, string SigningMethod, string EncodingMethod, string PublicKey);
