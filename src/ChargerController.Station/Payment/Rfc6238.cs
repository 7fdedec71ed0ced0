using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace ChargerController.Station.Payment;

/// <summary>
/// Time-based one-time passwords (RFC 6238): the moving factor is the number of whole time steps since the Unix epoch,
/// as an 8-byte big-endian counter, fed to an HMAC. <see cref="TotpV1"/> (the OCPP QR-code password) shares the counter
/// and the HMAC; <see cref="Numeric"/> is the RFC's own decimal truncation (RFC 4226 §5.3), kept for its test vectors.
/// </summary>
public static class Rfc6238
{
    /// <summary>Gets the RFC 6238 moving factor T = floor((unixTime - T0) / X) with T0 = 0.</summary>
    /// <param name="time">The time.</param>
    /// <param name="step">The time step X (at least one second).</param>
    /// <returns>The counter.</returns>
    public static ulong Counter(DateTimeOffset time, TimeSpan step)
    {
        var seconds = (long)Math.Floor(step.TotalSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1L, nameof(step));
        var unix = time.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(unix, nameof(time));
        return (ulong)(unix / seconds);
    }

    /// <summary>The HMAC of the counter under <paramref name="key"/> (RFC 6238 §4.2 / RFC 4226 §5.2 step 1).</summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="counter">The moving factor.</param>
    /// <param name="algorithm">SHA1, SHA256 or SHA512.</param>
    /// <returns>The hash.</returns>
    public static byte[] Hash(ReadOnlySpan<byte> key, ulong counter, HashAlgorithmName algorithm)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(message, counter);
        if (algorithm == HashAlgorithmName.SHA1)
        {
#pragma warning disable CA5350 // RFC 6238's SHA-1 mode is part of the standard (its test vectors); the QR code uses SHA-256.
            return HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        }

        if (algorithm == HashAlgorithmName.SHA256)
        {
            return HMACSHA256.HashData(key, message);
        }

        if (algorithm == HashAlgorithmName.SHA512)
        {
            return HMACSHA512.HashData(key, message);
        }

        throw new ArgumentException("RFC 6238 defines SHA1, SHA256 and SHA512 only.", nameof(algorithm));
    }

    /// <summary>The RFC 6238 decimal TOTP (dynamic truncation of RFC 4226 §5.3).</summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="time">The time.</param>
    /// <param name="step">The time step (30 s in the RFC).</param>
    /// <param name="digits">Digits, 6 to 9.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <returns>The password, zero-padded.</returns>
    public static string Numeric(ReadOnlySpan<byte> key, DateTimeOffset time, TimeSpan step, int digits, HashAlgorithmName algorithm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        var hash = Hash(key, Counter(time, step), algorithm);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
