using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Hardware.Adc;
using ChargerController.Hardware.ConnectorLock;
using ChargerController.Hardware.Contactor;
using ChargerController.Hardware.ControlPilot;
using ChargerController.Hardware.Indicators;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.ProximityPilot;
using ChargerController.Hardware.Rcd;

namespace ChargerController.Hardware.Board;

/// <summary>
/// The real devices of one EVSE built from a validated <see cref="HardwareOptions"/>: the one owner of the GPIO chip,
/// the PWM channel and the SPI/I²C devices. Outputs are driven to their safe level as each device is created
/// (contactor first), and again on dispose (contactor open first, then CP to state F).
/// </summary>
public sealed class BoardDevices : IDisposable
{
    private readonly List<IDisposable> owned = [];
    private bool disposed;

    private BoardDevices()
    {
    }

    /// <summary>The control pilot.</summary>
    public IControlPilot ControlPilot { get; private set; } = null!;

    /// <summary>The proximity pilot, when the profile has one (socket outlet).</summary>
    public IProximityPilot? ProximityPilot { get; private set; }

    /// <summary>The contactor(s).</summary>
    public IContactor Contactor { get; private set; } = null!;

    /// <summary>The connector lock, when the profile has one.</summary>
    public IConnectorLock? ConnectorLock { get; private set; }

    /// <summary>The residual-current monitor, when the profile wires one.</summary>
    public IResidualCurrentMonitor? ResidualCurrentMonitor { get; private set; }

    /// <summary>The indicators.</summary>
    public IReadOnlyList<IIndicator> Indicators { get; private set; } = [];

    /// <summary>Opens every device of the profile. On any failure, whatever was opened is closed again.</summary>
    /// <param name="options">A profile that passed <see cref="HardwareOptionsValidator"/>.</param>
    /// <param name="timeProvider">The station clock.</param>
    /// <returns>The devices.</returns>
    /// <exception cref="BoardProfileException">The profile is invalid.</exception>
    /// <exception cref="IOException">A device node is missing or not permitted (see hardware/README.md for the overlays and groups).</exception>
    public static BoardDevices Open(HardwareOptions options, TimeProvider timeProvider) =>
        Open(options, timeProvider, new LinuxBoardPorts());

    /// <summary>Opens every device of the profile through <paramref name="ports"/>. On any failure, whatever was opened is closed again.</summary>
    /// <param name="options">A profile that passed <see cref="HardwareOptionsValidator"/>.</param>
    /// <param name="timeProvider">The station clock.</param>
    /// <param name="ports">Opens the device nodes (<see cref="LinuxBoardPorts"/> on a Pi).</param>
    /// <returns>The devices.</returns>
    /// <exception cref="BoardProfileException">The profile is invalid.</exception>
    /// <exception cref="IOException">A device node is missing or not permitted (see hardware/README.md for the overlays and groups).</exception>
    public static BoardDevices Open(HardwareOptions options, TimeProvider timeProvider, IBoardPorts ports)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(ports);
        var errors = HardwareOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new BoardProfileException(options.Name, errors);
        }

        var devices = new BoardDevices();
        try
        {
            devices.OpenCore(options, timeProvider, ports);
            return devices;
        }
        catch
        {
            devices.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        // Reverse creation order: the contactor (created first) is disposed last but opened first.
        Contactor?.Open();
        (ControlPilot as PwmControlPilot)?.SetStateF();
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }

        owned.Clear();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    private void OpenCore(HardwareOptions options, TimeProvider timeProvider, IBoardPorts ports)
    {
        var gpio = options.Gpio!;
        var chip = Own(ports.OpenGpioChip(gpio));
        IDigitalOutput Out(GpioLineOptions line) => chip.OpenOutput(line.Line, line.ActiveLow);
        IDigitalInput In(GpioLineOptions line) => chip.OpenInput(line.Line, line.ActiveLow, line.Bias);
        IDigitalOutput? OptOut(GpioLineOptions? line) => line is null ? null : Out(line);
        IDigitalInput? OptIn(GpioLineOptions? line) => line is null ? null : In(line);

        // The contactor first: its coil must be driven off before anything else happens (REFERENCE §6.6).
        var c = options.Contactor!;
        var contactor = Own(new RelayContactor(Out(c.Main!), OptOut(c.Second), OptIn(c.MainMirror), OptIn(c.SecondMirror)));
        Contactor = contactor;

        var adcs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var adc in options.Adcs ?? [])
        {
            adcs[adc.Id] = adc.Type switch
            {
                AdcType.Mcp3008 => Own(new Mcp3008(ports.OpenSpi(adc), adc.ReferenceV)),
                AdcType.Mcp3208 => Own(new Mcp3208(ports.OpenSpi(adc), adc.ReferenceV)),
                _ => Own(new Ads1115(ports.OpenI2c(adc), timeProvider)),
            };
        }

        var pwmOptions = options.Pwm!;
        var cp = options.ControlPilot!;
        var pilot = new PwmControlPilot(
            ports.OpenPwm(pwmOptions),
            (IMultiChannelAdc)adcs[cp.Adc],
            OptIn(cp.PwmSync),
            new PwmControlPilotOptions
            {
                FrequencyHz = pwmOptions.FrequencyHz,
                InvertedOutput = pwmOptions.InvertedOutput,
                AdcChannel = cp.Channel,
                Scaling = new CpMeasurementScaling(cp.VoltsPerCount, cp.OffsetV),
            },
            timeProvider);
        ControlPilot = Own(pilot);

        if (options.ProximityPilot is { } pp)
        {
            IAnalogInput input = adcs[pp.Adc] switch
            {
                Ads1115 ads => new Ads1115ChannelInput(ads, pp.Channel),
                var mcp => new AdcChannelInput((IMultiChannelAdc)mcp, pp.Channel),
            };
            ProximityPilot = new AdcProximityPilot(input, new ProximityPilotCircuit { PullUpOhm = pp.PullUpOhm, SupplyV = pp.SupplyV }, timeProvider);
        }

        if (options.ConnectorLock is { } l)
        {
            ConnectorLock = Own(new GpioConnectorLock(
                Out(l.Lock!),
                OptOut(l.Unlock),
                OptIn(l.Feedback),
                new GpioConnectorLockOptions { Drive = l.Drive, ActuationTime = TimeSpan.FromMilliseconds(l.ActuationTimeMs) },
                timeProvider));
        }

        if (options.ResidualCurrentMonitor is { } r)
        {
            ResidualCurrentMonitor = Own(new GpioResidualCurrentMonitor(In(r.Fault!), OptOut(r.Test)));
        }

        Indicators = [.. (options.Indicators ?? []).Select(i => Own(new GpioIndicator(i.Role, chip.OpenOutput(i.Line, i.ActiveLow), timeProvider)))];
    }
}
