using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Rfid;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class RfidIdTokenMapperTests
{
    private static RfidIdToken Map(string uidHex, CardTechnology technology) =>
        RfidIdTokenMapper.Map(new CardRead(Convert.FromHexString(uidHex), technology, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("04a21b5c", "04A21B5C")]
    [InlineData("04A224BA1C3E80", "04A224BA1C3E80")]
    public void Iso14443_UpperCaseHex(string uid, string token)
    {
        Assert.Equal(new RfidIdToken(token, "ISO14443", false), Map(uid, CardTechnology.Iso14443A));
    }

    [Fact]
    public void Iso14443_RandomUid_IsFlagged()
    {
        Assert.True(Map("08123456", CardTechnology.Iso14443A).IsRandomUid);
        Assert.False(Map("08123456AABBCC", CardTechnology.Iso14443A).IsRandomUid);
    }

    [Fact]
    public void Iso15693_EightBytes()
    {
        Assert.Equal(new RfidIdToken("E004010012345678", "ISO15693", false), Map("E004010012345678", CardTechnology.Iso15693));
    }

    [Fact]
    public void Em4100_AllFiveBytes_AsLocal()
    {
        Assert.Equal(new RfidIdToken("1A00F23A91", "Local", false), Map("1A00F23A91", CardTechnology.Em4100));
    }
}
