using ChargerController.Hardware.Adc;
using ChargerController.Hardware.Tests.Contracts;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Adc;

public sealed class Ads1115Tests
{
    private readonly FakeTimeProvider time = new();

    [Theory]
    [InlineData(0, Ads1115Gain.Fsr2048mV, Ads1115DataRate.Sps128, 0xC583)]
    [InlineData(0, Ads1115Gain.Fsr4096mV, Ads1115DataRate.Sps860, 0xC3E3)]
    [InlineData(1, Ads1115Gain.Fsr4096mV, Ads1115DataRate.Sps860, 0xD3E3)]
    [InlineData(3, Ads1115Gain.Fsr6144mV, Ads1115DataRate.Sps8, 0xF103)]
    [InlineData(2, Ads1115Gain.Fsr256mV, Ads1115DataRate.Sps475, 0xEBC3)]
    public void ConfigWord_MatchesTheDatasheetBitFields(int channel, Ads1115Gain gain, Ads1115DataRate rate, int expected)
    {
        Assert.Equal(expected, Ads1115.ConfigWord(channel, gain, rate));
    }

    [Fact]
    public async Task ReadRawAsync_WritesConfigPollsOsThenReadsConversion()
    {
        var device = new FakeAds1115(ch => ch == 2 ? (short)0x1234 : (short)0) { BusyPolls = 2 };
        var adc = new Ads1115(device, time);

        var raw = await FakeClock.RunAsync(time, () => adc.ReadRawAsync(2, Ads1115Gain.Fsr4096mV, Ads1115DataRate.Sps860, CancellationToken.None), TimeSpan.FromMilliseconds(1));

        Assert.Equal(0x1234, raw);
        Assert.Equal(new byte[] { 0x01, 0xE3, 0xE3 }, device.Writes[0]);
        Assert.Equal(new byte[] { 0x01 }, device.Writes[1]);
        Assert.Equal(new byte[] { 0x00 }, device.Writes[^1]);
        Assert.Equal(3, device.Writes.Count(w => w is [0x01]));
    }

    [Theory]
    [InlineData((short)32767, Ads1115Gain.Fsr4096mV, 4.096 * 32767 / 32768)]
    [InlineData((short)-32768, Ads1115Gain.Fsr4096mV, -4.096)]
    [InlineData((short)16384, Ads1115Gain.Fsr2048mV, 1.024)]
    [InlineData((short)-1, Ads1115Gain.Fsr256mV, -0.256 / 32768)]
    public async Task ReadVoltsAsync_ScalesTwosComplementByTheFullScaleRange(short raw, Ads1115Gain gain, double expectedV)
    {
        var adc = new Ads1115(new FakeAds1115(_ => raw) { BusyPolls = 0 }, time);

        var volts = await FakeClock.RunAsync(time, () => adc.ReadVoltsAsync(0, gain, Ads1115DataRate.Sps860, CancellationToken.None), TimeSpan.FromMilliseconds(1));

        Assert.Equal(expectedV, volts, 9);
    }

    [Fact]
    public async Task ReadRawAsync_ConversionNeverFinishes_ThrowsIOException()
    {
        var adc = new Ads1115(new FakeAds1115(_ => 0) { BusyPolls = int.MaxValue }, time);

        await Assert.ThrowsAsync<IOException>(() => FakeClock.RunAsync(time, () => adc.ReadRawAsync(0, Ads1115Gain.Fsr4096mV, Ads1115DataRate.Sps860, CancellationToken.None), TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void ConfigWord_NoSuchChannel_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ads1115.ConfigWord(4, Ads1115Gain.Fsr2048mV, Ads1115DataRate.Sps128));
    }
}
