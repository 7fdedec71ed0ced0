using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class SysfsPwmOutputTests
{
    private readonly FakePwmChannel channel = new();

    [Fact]
    public void Start_SetsFrequencyDutyAndEnables()
    {
        using var pwm = new SysfsPwmOutput(channel);

        pwm.Start(1000, 0.267);

        Assert.Equal(1000, channel.Frequency);
        Assert.Equal(0.267, channel.DutyCycle);
        Assert.True(channel.Running);
        Assert.True(pwm.IsRunning);
    }

    [Fact]
    public void SetDutyCycle_ChangesOnlyTheDuty()
    {
        using var pwm = new SysfsPwmOutput(channel);
        pwm.Start(1000, 0.1);

        pwm.SetDutyCycle(0.5);

        Assert.Equal(0.5, channel.DutyCycle);
        Assert.Equal(0.5, pwm.DutyCycle);
        Assert.True(channel.Running);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void SetDutyCycle_NotAFraction_Throws(double duty)
    {
        using var pwm = new SysfsPwmOutput(channel);

        Assert.Throws<ArgumentOutOfRangeException>(() => pwm.SetDutyCycle(duty));
    }

    [Fact]
    public void Dispose_StopsAndReleasesTheChannel()
    {
        var pwm = new SysfsPwmOutput(channel);
        pwm.Start(1000, 0.5);

        pwm.Dispose();

        Assert.True(channel.Disposed);
        Assert.False(pwm.IsRunning);
        Assert.Throws<ObjectDisposedException>(() => pwm.SetDutyCycle(0.1));
    }
}
