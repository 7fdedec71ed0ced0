using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.ConnectorLock;

namespace ChargerController.Hardware.Tests.Board;

public sealed class HardwareOptionsValidatorTests
{
    private static HardwareOptions Valid(
        PwmOptions? pwm = null,
        IReadOnlyList<AdcOptions>? adcs = null,
        ControlPilotOptions? cp = null,
        ProximityPilotOptions? pp = null,
        ContactorOptions? contactor = null,
        ConnectorLockOptions? connectorLock = null,
        ResidualCurrentMonitorOptions? rcd = null,
        IReadOnlyList<IndicatorOptions>? indicators = null,
        string name = "test") => new()
        {
            Name = name,
            Gpio = new GpioChipOptions { ChipLabel = "pinctrl-bcm2711" },
            Pwm = pwm ?? new PwmOptions { Chip = 0, Channel = 0, Gpio = 12 },
            Adcs = adcs ?? [new AdcOptions { Id = "adc", Type = AdcType.Mcp3008 }],
            ControlPilot = cp ?? new ControlPilotOptions { Adc = "adc", Channel = 0, VoltsPerCount = 0.0259, OffsetV = -13.25 },
            ProximityPilot = pp,
            Contactor = contactor ?? new ContactorOptions { Main = new GpioLineOptions { Line = 17 } },
            ConnectorLock = connectorLock,
            ResidualCurrentMonitor = rcd,
            Indicators = indicators ?? [],
        };

    private static string SingleError(HardwareOptions options) => Assert.Single(HardwareOptionsValidator.Validate(options));

    [Fact]
    public void Validate_MinimalProfile_HasNoErrors()
    {
        Assert.Empty(HardwareOptionsValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_EmptyProfile_ListsEveryMissingMandatorySection()
    {
        var errors = HardwareOptionsValidator.Validate(new HardwareOptions());

        Assert.Contains(errors, e => e.StartsWith("name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("gpio:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("pwm:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("controlPilot:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("contactor.main:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SameLineTwice_NamesBothFunctions()
    {
        var error = SingleError(Valid(contactor: new ContactorOptions
        {
            Main = new GpioLineOptions { Line = 17 },
            MainMirror = new GpioLineOptions { Line = 17 },
        }));

        Assert.Equal("GPIO17 is used twice: contactor.main and contactor.mainMirror", error);
    }

    [Fact]
    public void Validate_LineCollidesWithThePwmPin()
    {
        var error = SingleError(Valid(indicators: [new IndicatorOptions { Role = IndicatorRole.Ready, Line = 12 }]));

        Assert.Contains("GPIO12 is used twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(58)]
    public void Validate_LineOutOfRange_SaysUseBcmNumbers(int line)
    {
        var error = SingleError(Valid(contactor: new ContactorOptions { Main = new GpioLineOptions { Line = line } }));

        Assert.Contains("contactor.main.line", error, StringComparison.Ordinal);
        Assert.Contains("BCM GPIO number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LineOnSpi0WhileAnSpiAdcIsUsed_IsAnError()
    {
        var error = SingleError(Valid(contactor: new ContactorOptions { Main = new GpioLineOptions { Line = 8 } }));

        Assert.Equal("contactor.main: GPIO8 belongs to SPI0, which ADC 'adc' uses", error);
    }

    [Fact]
    public void Validate_CpOnAds1115_ExplainsItIsTooSlow()
    {
        var error = SingleError(Valid(adcs: [new AdcOptions { Id = "adc", Type = AdcType.Ads1115, Address = 0x48 }]));

        Assert.Contains("cannot sample a 1 kHz PWM", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownAdcReference_ListsTheKnownIds()
    {
        var error = SingleError(Valid(pp: new ProximityPilotOptions { Adc = "pp-adc", Channel = 1 }));

        Assert.Equal("proximityPilot.adc: no ADC with id 'pp-adc' (known: adc)", error);
    }

    [Fact]
    public void Validate_ChannelBeyondTheChip_IsAnError()
    {
        var error = SingleError(Valid(cp: new ControlPilotOptions { Adc = "adc", Channel = 8, VoltsPerCount = 0.02 }));

        Assert.Equal("controlPilot.channel: 8 does not exist on Mcp3008 'adc' (0–7)", error);
    }

    [Fact]
    public void Validate_ZeroScaling_IsAnError()
    {
        var error = SingleError(Valid(cp: new ControlPilotOptions { Adc = "adc", Channel = 0, VoltsPerCount = 0 }));

        Assert.StartsWith("controlPilot.voltsPerCount", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900.0)]
    [InlineData(1100.0)]
    public void Validate_PwmFrequencyOutsideIec_IsAnError(double hz)
    {
        var error = SingleError(Valid(pwm: new PwmOptions { Chip = 0, Channel = 0, FrequencyHz = hz }));

        Assert.StartsWith("pwm.frequencyHz", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PwmWithoutChipOrDevice_IsAnError()
    {
        var error = SingleError(Valid(pwm: new PwmOptions { Channel = 0 }));

        Assert.Contains("deviceName", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Ads1115BadAddress_ShowsHex()
    {
        var errors = HardwareOptionsValidator.Validate(Valid(adcs:
        [
            new AdcOptions { Id = "adc", Type = AdcType.Mcp3008 },
            new AdcOptions { Id = "aux", Type = AdcType.Ads1115, Address = 0x50 },
        ]));

        Assert.Contains("adcs[1].address: 80 (0x50) is not an ADS1115 address; use 72–75 (0x48–0x4B, set by the ADDR pin)", errors);
    }

    [Fact]
    public void Validate_DuplicateAdcIds_IsAnError()
    {
        var error = SingleError(Valid(adcs:
        [
            new AdcOptions { Id = "adc", Type = AdcType.Mcp3008 },
            new AdcOptions { Id = "adc", Type = AdcType.Mcp3208, ChipSelect = 1 },
        ]));

        Assert.Equal("adcs[1].id: 'adc' is used by another ADC", error);
    }

    [Fact]
    public void Validate_PulseLockWithoutUnlock_IsAnError()
    {
        var error = SingleError(Valid(connectorLock: new ConnectorLockOptions { Drive = ConnectorLockDrive.Pulse, Lock = new GpioLineOptions { Line = 5 } }));

        Assert.StartsWith("connectorLock.unlock", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecondMirrorWithoutSecondCoil_IsAnError()
    {
        var error = SingleError(Valid(contactor: new ContactorOptions
        {
            Main = new GpioLineOptions { Line = 17 },
            SecondMirror = new GpioLineOptions { Line = 23 },
        }));

        Assert.StartsWith("contactor.secondMirror", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RcdWithoutFaultInput_IsAnError()
    {
        var error = SingleError(Valid(rcd: new ResidualCurrentMonitorOptions { Test = new GpioLineOptions { Line = 25 } }));

        Assert.StartsWith("residualCurrentMonitor.fault", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateIndicatorRole_IsAnError()
    {
        var error = SingleError(Valid(indicators:
        [
            new IndicatorOptions { Role = IndicatorRole.Fault, Line = 19 },
            new IndicatorOptions { Role = IndicatorRole.Fault, Line = 20 },
        ]));

        Assert.Equal("indicators: role Fault appears more than once", error);
    }

    [Fact]
    public void Parse_InvalidContent_ReportsAllErrorsAtOnce()
    {
        const string json = """
            {
              "name": "bad",
              "gpio": { "chipLabel": "pinctrl-bcm2711" },
              "pwm": { "chip": 0, "channel": 0, "frequencyHz": 50 },
              "adcs": [ { "id": "adc", "type": "Mcp3008", "clockHz": 10000000 } ],
              "controlPilot": { "adc": "adc", "channel": 0, "voltsPerCount": 0.02 },
              "contactor": { "main": { "line": 99 } }
            }
            """;

        var ex = Assert.Throws<BoardProfileException>(() => BoardProfile.Parse(json, "bad.json"));

        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullListsAndNullEntries_AreReportedNotThrown()
    {
        const string json = """
            {
              "name": "nulls",
              "gpio": { "chipLabel": "pinctrl-bcm2711" },
              "pwm": { "chip": 0, "channel": 0 },
              "adcs": [ { "id": "adc", "type": "Mcp3008" }, null ],
              "controlPilot": { "adc": "adc", "channel": 0, "voltsPerCount": 0.02 },
              "contactor": { "main": { "line": 17 } },
              "indicators": null
            }
            """;

        var ex = Assert.Throws<BoardProfileException>(() => BoardProfile.Parse(json, "nulls.json"));

        Assert.Equal("adcs[1]: null; remove it or describe the ADC", Assert.Single(ex.Errors));
    }
}
