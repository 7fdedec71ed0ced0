using System.Security.Cryptography;
using System.Text;
using ChargerController.Station.Payment;

namespace ChargerController.Station.Tests.Payment;

/// <summary>
/// OCPP 2.1 C25 "TOTP algorithm, version 1". The expected values come from the spec's own C# listing, transcribed
/// literally below (BitConverter, Array.Reverse, HMACSHA256 over the UTF-8 secret), so the station and a CSMS written
/// from the spec agree to the character.
/// </summary>
public sealed class TotpV1Tests
{
    [Theory]
    [InlineData("secret-of-cs001", 1735732800L, 30, 8)]
    [InlineData("s3cr3t", 59L, 6, 6)]
    [InlineData("ünïcode-Schlüssel", 2000000000L, 3600, 12)]
    [InlineData("x", 1111111111L, 30, 40)]
    public void Compute_MatchesSpecListing(string secret, long unixSeconds, int validity, int length)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(SpecListing(secret, time, validity, length), TotpV1.Compute(secret, time, TimeSpan.FromSeconds(validity), length));
    }

    [Fact]
    public void Compute_SameInterval_SamePassword_NextInterval_Different()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1735732800); // an interval boundary for 30 s
        var validity = TimeSpan.FromSeconds(30);
        var first = TotpV1.Compute("k", start, validity, 8);
        Assert.Equal(first, TotpV1.Compute("k", start.AddSeconds(29), validity, 8));
        Assert.NotEqual(first, TotpV1.Compute("k", start.AddSeconds(30), validity, 8));
        Assert.Equal(start.AddSeconds(30), TotpV1.NextChange(start.AddSeconds(12), validity));
    }

    [Fact]
    public void Compute_UsesOnlyTheSpecAlphabet()
    {
        Assert.Equal(61, TotpV1.Alphabet.Length);
        for (var t = 0L; t < 200; t++)
        {
            Assert.All(TotpV1.Compute("alphabet", DateTimeOffset.FromUnixTimeSeconds(t * 30), TimeSpan.FromSeconds(30), 16), c => Assert.Contains(c, TotpV1.Alphabet));
        }
    }

    [Fact]
    public void Compute_BadInputs_Throw()
    {
        Assert.Throws<ArgumentException>(() => TotpV1.Compute(string.Empty, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(30), 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpV1.Compute("k", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(30), 5));
    }

    private static string SpecListing(string sharedSecret, DateTimeOffset now, int validitySeconds, int totpLength)
    {
        var validityTime = TimeSpan.FromSeconds(validitySeconds);
        var base62 = "0123456789abcdefghijklmnpqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var timeSeconds = now.UtcDateTime - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var timeInterval = (ulong)(timeSeconds.TotalSeconds / validityTime.TotalSeconds);
        var timeBytes = BitConverter.GetBytes(timeInterval);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(timeBytes);
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(sharedSecret));
        var hash = hmac.ComputeHash(timeBytes);
        var offset = hash[^1] & 0x0F;
        var stringBuilder = new StringBuilder();
        for (var i = 0; i < totpLength; i++)
        {
            stringBuilder.Append(base62[hash[(offset + i) % hash.Length] % base62.Length]);
        }

        return stringBuilder.ToString();
    }
}
