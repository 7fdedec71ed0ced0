using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChargerController.Station.Tests.Conformance.MeterValues;

/// <summary>
/// One signed register value read off the wire, with a signature check that is independent of the product code: the
/// OCMF text is split at its two <c>|</c>, the key decoded from <c>oca:base16:asn1:&lt;hex&gt;</c> (J02.FR.23) and the
/// ECDSA P-256 / SHA-256 signature checked with .NET's own crypto.
/// </summary>
internal sealed record SignedSample(string Context, decimal Value, string Ocmf, string SigningMethod, string EncodingMethod, string PublicKey)
{
    /// <summary>The signed register values (Energy.Active.Import.Register with signedMeterValue) of a list of meterValue elements.</summary>
    public static IReadOnlyList<SignedSample> Of(JsonElement message)
    {
        if (!message.TryGetProperty("meterValue", out var values))
        {
            return [];
        }

        return [.. values.EnumerateArray()
            .SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
            .Where(s => s.TryGetProperty("signedMeterValue", out _))
            .Select(s =>
            {
                var signed = s.GetProperty("signedMeterValue");
                return new SignedSample(
                    s.GetProperty("context").GetString()!,
                    s.GetProperty("value").GetDecimal(),
                    Encoding.UTF8.GetString(Convert.FromBase64String(signed.GetProperty("signedMeterData").GetString()!)),
                    signed.GetProperty("signingMethod").GetString()!,
                    signed.GetProperty("encodingMethod").GetString()!,
                    signed.GetProperty("publicKey").GetString()!);
            })];
    }

    /// <summary>Whether the OCMF data set's signature checks out with <paramref name="publicKey"/>.</summary>
    public bool Verifies(string publicKey)
    {
        var parts = Ocmf.Split('|');
        if (parts.Length != 3 || parts[0] != "OCMF")
        {
            return false;
        }

        using var signature = JsonDocument.Parse(parts[2]);
        var der = Convert.FromHexString(signature.RootElement.GetProperty("SD").GetString()!);
        const string prefix = "oca:base16:asn1:";
        Assert.StartsWith(prefix, publicKey, StringComparison.Ordinal);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromHexString(publicKey[prefix.Length..]), out _);
        return key.VerifyData(Encoding.UTF8.GetBytes(parts[1]), der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The signed reading of the data set (OCMF RD[0]): register value and transaction context.</summary>
    public (decimal RegisterWh, string Tx) Reading()
    {
        using var payload = JsonDocument.Parse(Ocmf.Split('|')[1]);
        var rd = payload.RootElement.GetProperty("RD")[0];
        Assert.Equal("Wh", rd.GetProperty("RU").GetString());
        return (rd.GetProperty("RV").GetDecimal(), rd.GetProperty("TX").GetString()!);
    }
}
