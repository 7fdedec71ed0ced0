using System.Security.Cryptography;
using System.Text;
using ChargerController.Station.Payment;

namespace ChargerController.Station.Tests.Payment;

/// <summary>RFC 6238 Appendix B test vectors (8 digits, 30 s step) for the TOTP core the QR code uses.</summary>
public sealed class Rfc6238Tests
{
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Numeric_Rfc6238AppendixB_MatchesVectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var step = TimeSpan.FromSeconds(30);
        Assert.Equal(sha1, Rfc6238.Numeric(Sha1Seed, time, step, 8, HashAlgorithmName.SHA1));
        Assert.Equal(sha256, Rfc6238.Numeric(Sha256Seed, time, step, 8, HashAlgorithmName.SHA256));
        Assert.Equal(sha512, Rfc6238.Numeric(Sha512Seed, time, step, 8, HashAlgorithmName.SHA512));
    }

    [Fact]
    public void Counter_Rfc6238AppendixB_HexValues()
    {
        // The "Value of T (hex)" column of Appendix B.
        Assert.Equal(0x1UL, Rfc6238.Counter(DateTimeOffset.FromUnixTimeSeconds(59), TimeSpan.FromSeconds(30)));
        Assert.Equal(0x23523ECUL, Rfc6238.Counter(DateTimeOffset.FromUnixTimeSeconds(1111111109), TimeSpan.FromSeconds(30)));
        Assert.Equal(0x27BC86AAUL, Rfc6238.Counter(DateTimeOffset.FromUnixTimeSeconds(20000000000), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Hash_UnknownAlgorithm_Throws() =>
        Assert.Throws<ArgumentException>(() => Rfc6238.Hash(Sha1Seed, 1, HashAlgorithmName.MD5));

    [Fact]
    public void Counter_StepBelowOneSecond_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc6238.Counter(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(500)));
}
