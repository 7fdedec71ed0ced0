using ChargerController.Station.Evse;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Tests.Evse;

public sealed class EvseOptionsTests
{
    public static TheoryData<string> InvalidOptions() => new(
    [
        "EvseId", "HardwareNaN", "ConfiguredNegative", "CableNaN", "LoopPeriodZero", "LoopPeriodTooSlow", "EnergisedPeriodZero", "DebounceTooLong",
        "UnavailableKeepPwm", "MeterPollZero", "MeterGraceNegative", "ToleranceNegative", "StallZero", "SoftStopTooLong",
    ]);

    private static EvseOptions Make(string which) => which switch
    {
        "EvseId" => new EvseOptions { EvseId = 0 },
        "HardwareNaN" => new EvseOptions { HardwareMaxCurrentA = double.NaN },
        "ConfiguredNegative" => new EvseOptions { ConfiguredMaxCurrentA = -1 },
        "CableNaN" => new EvseOptions { TetheredCableMaxCurrentA = double.NaN },
        "LoopPeriodZero" => new EvseOptions { LoopPeriod = TimeSpan.Zero },
        "LoopPeriodTooSlow" => new EvseOptions { LoopPeriod = TimeSpan.FromMilliseconds(60) },
        "EnergisedPeriodZero" => new EvseOptions { EnergisedLoopPeriod = TimeSpan.Zero },
        "DebounceTooLong" => new EvseOptions { ControlPilot = new() { Debounce = TimeSpan.FromMilliseconds(80) } },
        "UnavailableKeepPwm" => new EvseOptions { UnavailableSignal = CpSafeSignal.KeepPwm },
        "MeterPollZero" => new EvseOptions { MeterPollInterval = TimeSpan.Zero },
        "MeterGraceNegative" => new EvseOptions { MeterLossGrace = TimeSpan.FromSeconds(-2) },
        "ToleranceNegative" => new EvseOptions { OvercurrentToleranceA = -0.5 },
        "StallZero" => new EvseOptions { LoopStallTimeout = TimeSpan.Zero },
        "SoftStopTooLong" => new EvseOptions { Interlock = new() { SoftStopTimeout = TimeSpan.FromSeconds(10) } },
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    [Fact]
    public void Validate_Defaults_AreValid() => new EvseOptions().Validate();

    [Fact]
    public void Validate_LoopPeriodBelowTheEnergisedDefault_IsValid() => new EvseOptions { LoopPeriod = TimeSpan.FromMilliseconds(2) }.Validate();

    [Fact]
    public void Validate_InfiniteMeterGrace_IsValid() => new EvseOptions { MeterLossGrace = Timeout.InfiniteTimeSpan }.Validate();

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_Throws(string which)
    {
        var time = TimeProvider.System;
        var devices = new EvseDevices(new Fakes.FakeControlPilot(time), new Fakes.FakeContactor(time));
        Assert.ThrowsAny<ArgumentException>(() => new EvseController(devices, Make(which), time));
    }
}
