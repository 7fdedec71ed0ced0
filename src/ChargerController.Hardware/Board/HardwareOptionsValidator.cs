using System.Globalization;
using ChargerController.Hardware.ConnectorLock;

namespace ChargerController.Hardware.Board;

/// <summary>Checks a board profile and explains every problem with the key it concerns.</summary>
public static class HardwareOptionsValidator
{
    /// <summary>Highest GPIO line offset on any supported Pi chip (BCM2711 has 58 lines).</summary>
    public const int MaxLine = 57;

    // Header functions the kernel claims when SPI0 / I2C1 are enabled (dtparam=spi=on, dtparam=i2c_arm=on).
    private static readonly int[] Spi0Lines = [7, 8, 9, 10, 11];
    private static readonly int[] I2c1Lines = [2, 3];

    /// <summary>Validates the options.</summary>
    /// <param name="options">The profile.</param>
    /// <returns>Every problem found; empty when the profile is usable.</returns>
    public static IReadOnlyList<string> Validate(HardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var lines = new List<(int Line, string Key)>();

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("name: give the profile a name (e.g. \"generic-pi4\")");
        }

        ValidateGpio(options.Gpio, errors);
        ValidatePwm(options.Pwm, errors, lines);
        var adcs = ValidateAdcs(options.Adcs ?? [], errors);
        ValidateControlPilot(options.ControlPilot, adcs, errors, lines);
        ValidateProximityPilot(options.ProximityPilot, adcs, errors);
        ValidateContactor(options.Contactor, errors, lines);
        ValidateLock(options.ConnectorLock, errors, lines);
        ValidateRcd(options.ResidualCurrentMonitor, errors, lines);
        ValidateIndicators(options.Indicators ?? [], errors, lines);

        foreach (var group in lines.GroupBy(l => l.Line).Where(g => g.Count() > 1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"GPIO{group.Key} is used twice: {string.Join(" and ", group.Select(g => g.Key))}"));
        }

        foreach (var adc in adcs.Values)
        {
            var reserved = adc.Type == AdcType.Ads1115
                ? (adc.I2cBus == 1 ? I2c1Lines : [])
                : (adc.SpiBus == 0 ? Spi0Lines : []);
            foreach (var (line, key) in lines.Where(l => reserved.Contains(l.Line)))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: GPIO{line} belongs to {(adc.Type == AdcType.Ads1115 ? "I2C1" : "SPI0")}, which ADC '{adc.Id}' uses"));
            }
        }

        return errors;
    }

    private static void ValidateGpio(GpioChipOptions? gpio, List<string> errors)
    {
        if (gpio is null)
        {
            errors.Add("gpio: missing; give the chip label (\"pinctrl-bcm2711\" on a Pi 4, \"pinctrl-rp1\" on a Pi 5) and the libgpiod driver");
            return;
        }

        if (!Enum.IsDefined(gpio.Driver))
        {
            errors.Add("gpio.driver: must be \"Libgpiod\" (libgpiod 1.x, Bookworm) or \"Libgpiod2\" (libgpiod 2.x, Trixie)");
        }

        if (gpio.ChipLabel is null && gpio.ChipNumber < 0)
        {
            errors.Add("gpio.chipNumber: must be 0 or more (or give gpio.chipLabel, which is preferred)");
        }

        if (gpio.ChipLabel is { } label && string.IsNullOrWhiteSpace(label))
        {
            errors.Add("gpio.chipLabel: empty; remove it or give the label shown by `gpiodetect`");
        }
    }

    private static void ValidatePwm(PwmOptions? pwm, List<string> errors, List<(int, string)> lines)
    {
        if (pwm is null)
        {
            errors.Add("pwm: missing; the control pilot needs a hardware PWM channel (dtoverlay=pwm,pin=12,func=4 → chip of GPIO12, channel 0)");
            return;
        }

        if (string.IsNullOrWhiteSpace(pwm.DeviceName) && pwm.Chip is null)
        {
            errors.Add("pwm: give deviceName (preferred, e.g. \"1f00098000.pwm\" on a Pi 5) or chip (the N of /sys/class/pwm/pwmchipN)");
        }

        if (pwm.Chip is < 0)
        {
            errors.Add(Invariant($"pwm.chip: {pwm.Chip} is not a pwmchip number"));
        }

        if (pwm.Channel < 0)
        {
            errors.Add("pwm.channel: missing or negative (GPIO12 is channel 0 on a Pi 4 and a Pi 5)");
        }

        if (!(pwm.FrequencyHz >= 980 && pwm.FrequencyHz <= 1020))
        {
            errors.Add(Invariant($"pwm.frequencyHz: {pwm.FrequencyHz} is outside IEC 61851-1's 1000 Hz ± 2 % (980–1020)"));
        }

        if (pwm.Gpio is { } gpio)
        {
            AddLine(gpio, "pwm.gpio", errors, lines);
        }
    }

    private static Dictionary<string, AdcOptions> ValidateAdcs(IReadOnlyList<AdcOptions> adcs, List<string> errors)
    {
        var byId = new Dictionary<string, AdcOptions>(StringComparer.Ordinal);
        for (var i = 0; i < adcs.Count; i++)
        {
            var key = Invariant($"adcs[{i}]");
            if (adcs[i] is not { } adc)
            {
                errors.Add($"{key}: null; remove it or describe the ADC");
                continue;
            }

            if (string.IsNullOrWhiteSpace(adc.Id))
            {
                errors.Add($"{key}.id: missing");
            }
            else if (!byId.TryAdd(adc.Id, adc))
            {
                errors.Add($"{key}.id: '{adc.Id}' is used by another ADC");
            }

            switch (adc.Type)
            {
                case AdcType.Mcp3008 or AdcType.Mcp3208:
                    if (adc.SpiBus < 0 || adc.ChipSelect < 0)
                    {
                        errors.Add($"{key}: spiBus and chipSelect must be 0 or more (/dev/spidev<bus>.<cs>)");
                    }

                    if (adc.ClockHz is < 10_000 or > 3_600_000)
                    {
                        errors.Add(Invariant($"{key}.clockHz: {adc.ClockHz} is outside 10 kHz – 3.6 MHz (MCP3x08 limit at 5 V; 1.35 MHz at 2.7 V)"));
                    }

                    if (adc.SpiMode is not (0 or 3))
                    {
                        errors.Add(Invariant($"{key}.spiMode: {adc.SpiMode}; the MCP3x08 speaks SPI mode 0 or 3"));
                    }

                    if (!(adc.ReferenceV > 0 && adc.ReferenceV <= 5.5))
                    {
                        errors.Add(Invariant($"{key}.referenceV: {adc.ReferenceV} is outside 0–5.5 V"));
                    }

                    break;
                case AdcType.Ads1115:
                    if (adc.Address is < 0x48 or > 0x4B)
                    {
                        errors.Add(Invariant($"{key}.address: {adc.Address} (0x{adc.Address:X2}) is not an ADS1115 address; use 72–75 (0x48–0x4B, set by the ADDR pin)"));
                    }

                    if (adc.I2cBus < 0)
                    {
                        errors.Add($"{key}.i2cBus: must be 0 or more (/dev/i2c-<bus>; 1 on the header)");
                    }

                    break;
                default:
                    errors.Add($"{key}.type: must be Mcp3008, Mcp3208 or Ads1115");
                    break;
            }
        }

        return byId;
    }

    private static void ValidateControlPilot(ControlPilotOptions? cp, Dictionary<string, AdcOptions> adcs, List<string> errors, List<(int, string)> lines)
    {
        if (cp is null)
        {
            errors.Add("controlPilot: missing; every EVSE measures its CP");
            return;
        }

        if (AdcChannel("controlPilot", cp.Adc, cp.Channel, adcs, errors) is { Type: AdcType.Ads1115 })
        {
            errors.Add("controlPilot.adc: an ADS1115 (≤ 860 SPS) cannot sample a 1 kHz PWM; use an MCP3008/MCP3208 on SPI");
        }

        if (cp.VoltsPerCount == 0 || !double.IsFinite(cp.VoltsPerCount))
        {
            errors.Add("controlPilot.voltsPerCount: must be a non-zero number (hardware/README.md, \"CP measuring circuit\")");
        }

        if (!double.IsFinite(cp.OffsetV))
        {
            errors.Add("controlPilot.offsetV: must be a number");
        }

        if (cp.PwmSync is { } sync)
        {
            AddLine(sync.Line, "controlPilot.pwmSync", errors, lines);
        }
    }

    private static void ValidateProximityPilot(ProximityPilotOptions? pp, Dictionary<string, AdcOptions> adcs, List<string> errors)
    {
        if (pp is null)
        {
            return;
        }

        AdcChannel("proximityPilot", pp.Adc, pp.Channel, adcs, errors);
        if (!(pp.PullUpOhm > 0))
        {
            errors.Add("proximityPilot.pullUpOhm: must be positive");
        }

        if (!(pp.SupplyV > 0))
        {
            errors.Add("proximityPilot.supplyV: must be positive");
        }
    }

    private static void ValidateContactor(ContactorOptions? contactor, List<string> errors, List<(int, string)> lines)
    {
        if (contactor?.Main is null)
        {
            errors.Add("contactor.main: missing; the contactor coil output is mandatory");
        }

        if (contactor is null)
        {
            return;
        }

        Optional(contactor.Main, "contactor.main", errors, lines);
        Optional(contactor.Second, "contactor.second", errors, lines);
        Optional(contactor.MainMirror, "contactor.mainMirror", errors, lines);
        Optional(contactor.SecondMirror, "contactor.secondMirror", errors, lines);
        if (contactor.SecondMirror is not null && contactor.Second is null)
        {
            errors.Add("contactor.secondMirror: there is no contactor.second coil to mirror");
        }
    }

    private static void ValidateLock(ConnectorLockOptions? connectorLock, List<string> errors, List<(int, string)> lines)
    {
        if (connectorLock is null)
        {
            return;
        }

        if (!Enum.IsDefined(connectorLock.Drive))
        {
            errors.Add("connectorLock.drive: must be Pulse (motor) or Hold (solenoid)");
        }

        if (connectorLock.Lock is null)
        {
            errors.Add("connectorLock.lock: missing");
        }

        if (connectorLock.Drive == ConnectorLockDrive.Pulse && connectorLock.Unlock is null)
        {
            errors.Add("connectorLock.unlock: a Pulse (motor) lock needs an unlock output");
        }

        if (connectorLock.ActuationTimeMs is < 50 or > 5000)
        {
            errors.Add(Invariant($"connectorLock.actuationTimeMs: {connectorLock.ActuationTimeMs} is outside 50–5000 ms"));
        }

        Optional(connectorLock.Lock, "connectorLock.lock", errors, lines);
        Optional(connectorLock.Unlock, "connectorLock.unlock", errors, lines);
        Optional(connectorLock.Feedback, "connectorLock.feedback", errors, lines);
    }

    private static void ValidateRcd(ResidualCurrentMonitorOptions? rcd, List<string> errors, List<(int, string)> lines)
    {
        if (rcd is null)
        {
            return;
        }

        if (rcd.Fault is null)
        {
            errors.Add("residualCurrentMonitor.fault: missing; the module's fault output is what makes it useful");
        }

        Optional(rcd.Fault, "residualCurrentMonitor.fault", errors, lines);
        Optional(rcd.Test, "residualCurrentMonitor.test", errors, lines);
    }

    private static void ValidateIndicators(IReadOnlyList<IndicatorOptions> indicators, List<string> errors, List<(int, string)> lines)
    {
        for (var i = 0; i < indicators.Count; i++)
        {
            var key = Invariant($"indicators[{i}]");
            if (indicators[i] is null)
            {
                errors.Add($"{key}: null; remove it or give role and line");
                continue;
            }

            if (!Enum.IsDefined(indicators[i].Role))
            {
                errors.Add($"{key}.role: must be Ready, Charging, Fault or Buzzer");
            }

            AddLine(indicators[i].Line, key, errors, lines);
        }

        foreach (var role in indicators.Where(x => x is not null).GroupBy(x => x.Role).Where(g => g.Count() > 1))
        {
            errors.Add($"indicators: role {role.Key} appears more than once");
        }
    }

    private static AdcOptions? AdcChannel(string key, string id, int channel, Dictionary<string, AdcOptions> adcs, List<string> errors)
    {
        if (!adcs.TryGetValue(id, out var adc))
        {
            errors.Add(string.IsNullOrWhiteSpace(id)
                ? $"{key}.adc: missing; name one of the adcs[].id"
                : $"{key}.adc: no ADC with id '{id}' (known: {(adcs.Count == 0 ? "none" : string.Join(", ", adcs.Keys))})");
            return null;
        }

        var channels = adc.Type == AdcType.Ads1115 ? 4 : 8;
        if (channel < 0 || channel >= channels)
        {
            errors.Add(Invariant($"{key}.channel: {channel} does not exist on {adc.Type} '{id}' (0–{channels - 1})"));
        }

        return adc;
    }

    private static void Optional(GpioLineOptions? line, string key, List<string> errors, List<(int, string)> lines)
    {
        if (line is null)
        {
            return;
        }

        if (!Enum.IsDefined(line.Bias))
        {
            errors.Add($"{key}.bias: must be None, PullUp or PullDown");
        }

        AddLine(line.Line, key, errors, lines);
    }

    private static void AddLine(int line, string key, List<string> errors, List<(int, string)> lines)
    {
        if (line is < 0 or > MaxLine)
        {
            errors.Add(Invariant($"{key}.line: {line} is not a GPIO line (0–{MaxLine}; use the BCM GPIO number, not the header pin)"));
            return;
        }

        lines.Add((line, key));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
