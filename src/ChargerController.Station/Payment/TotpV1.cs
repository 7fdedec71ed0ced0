using System.Security.Cryptography;
using System.Text;

namespace ChargerController.Station.Payment;

/// <summary>
/// "TOTP algorithm, version 1" of OCPP 2.1 C25 (WebPaymentsCtrlr.TOTPVersion <c>v1</c>): the RFC 6238 counter of
/// ValidityTime-second intervals, HMAC-SHA256 keyed with the UTF-8 SharedSecret, then <c>Length</c> hash bytes from a
/// semi-random offset (last byte AND 0x0F) mapped onto the spec's 61-character alphabet. The CSMS computes the same to
/// validate the URL, so every detail follows the spec's pseudocode exactly.
/// </summary>
public static class TotpV1
{
    /// <summary>The version name used in the URL's <c>{version}</c> placeholder.</summary>
    public const string Version = "v1";

    /// <summary>
    /// The spec's "base62" alphabet, verbatim: it has no lower-case <c>o</c> (61 characters). A CSMS validates against
    /// this exact string, so "fixing" it would break every QR code.
    /// </summary>
    public const string Alphabet = "0123456789abcdefghijklmnpqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Computes the password for a time.</summary>
    /// <param name="sharedSecret">WebPaymentsCtrlr.SharedSecret (not empty).</param>
    /// <param name="time">The current UTC time.</param>
    /// <param name="validityTime">WebPaymentsCtrlr.ValidityTime (6-3600 s).</param>
    /// <param name="length">WebPaymentsCtrlr.Length (at least 6).</param>
    /// <returns>The one-time password.</returns>
    public static string Compute(string sharedSecret, DateTimeOffset time, TimeSpan validityTime, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(sharedSecret);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 6);
        var hash = Rfc6238.Hash(Encoding.UTF8.GetBytes(sharedSecret), Rfc6238.Counter(time, validityTime), HashAlgorithmName.SHA256);
        var offset = hash[^1] & 0x0F;
        var result = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            result.Append(Alphabet[hash[(offset + i) % hash.Length] % Alphabet.Length]);
        }

        return result.ToString();
    }

    /// <summary>Gets when the interval containing <paramref name="time"/> ends, i.e. when the next password is due.</summary>
    /// <param name="time">The time.</param>
    /// <param name="validityTime">The interval.</param>
    /// <returns>The start of the next interval.</returns>
    public static DateTimeOffset NextChange(DateTimeOffset time, TimeSpan validityTime)
    {
        var seconds = (long)Math.Floor(validityTime.TotalSeconds);
        var counter = (long)Rfc6238.Counter(time, validityTime);
        return DateTimeOffset.FromUnixTimeSeconds((counter + 1) * seconds);
    }
}
