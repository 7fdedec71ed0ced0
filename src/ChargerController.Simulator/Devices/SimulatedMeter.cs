using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Ev;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// An energy meter between the contactor and the EV: P = U · I per phase (unity power factor) from the EV's draw on
/// the phases the contactor conducts, integrated over the injected clock. The integral is exact for the piecewise
/// constant load because it is brought up to date before every change of the contactor or the EV.
/// It signs its register readings like an Eichrecht meter (<see cref="OcmfMeterSigner"/>, key made on first use).
/// Fault injection: the meter stops answering (<see cref="MeterReadException"/> with the chosen <see cref="MeterFault"/>).
/// </summary>
public sealed class SimulatedMeter : IEnergyMeter, IDisposable
{
    private readonly TimeProvider timeProvider;
    private readonly SimulatedEv ev;
    private readonly SimulatedContactor contactor;
    private readonly Lock gate = new();
    private (double L1, double L2, double L3) currentA;
    private long lastTimestamp;
    private double energyWh;
    private MeterFault? fault;
    private OcmfMeterSigner? signer;

    /// <summary>Creates the meter and starts integrating.</summary>
    /// <param name="timeProvider">Clock for the integration.</param>
    /// <param name="ev">The EV that draws the current.</param>
    /// <param name="contactor">The contactor that decides which phases carry it.</param>
    /// <param name="options">Voltage, phases; <see langword="null"/> for 230 V three-phase.</param>
    public SimulatedMeter(TimeProvider timeProvider, SimulatedEv ev, SimulatedContactor contactor, SimulatedMeterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(contactor);
        Options = options ?? new SimulatedMeterOptions();
        if (Options.Phases is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Phases, "A meter measures 1 or 3 phases.");
        }

        this.timeProvider = timeProvider;
        this.ev = ev;
        this.contactor = contactor;
        energyWh = Options.InitialEnergyImportWh;
        lastTimestamp = timeProvider.GetTimestamp();
        currentA = Draw(lastTimestamp);
        ev.Changing += OnPowerPathChanging;
        ev.Changed += OnPowerPathChanged;
        contactor.Changing += OnPowerPathChanging;
        contactor.Changed += OnPowerPathChanged;
    }

    /// <summary>The options it was created with.</summary>
    public SimulatedMeterOptions Options { get; }

    /// <inheritdoc />
    public int Phases => Options.Phases;

    /// <inheritdoc />
    public MeterSigner? Signer
    {
        get
        {
            lock (gate)
            {
                // Made on first use: most simulated stations are never asked to sign.
                return signer ??= CreateSigner();
            }
        }
    }

    /// <summary>Fault: every read fails with this fault until set back to <see langword="null"/> (meter loss). Energy keeps counting meanwhile, as a real meter does.</summary>
    public MeterFault? Fault
    {
        get
        {
            lock (gate)
            {
                return fault;
            }
        }

        set
        {
            lock (gate)
            {
                fault = value;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Integrate();
            if (fault is { } f)
            {
                return ValueTask.FromException<MeterReading>(new MeterReadException(f, $"Simulated meter fault: {f}."));
            }

            var phases = Options.Phases;
            double[] currents = phases == 3 ? [currentA.L1, currentA.L2, currentA.L3] : [currentA.L1];
            var voltages = Enumerable.Repeat(Options.VoltageV, phases).ToArray();
            var powers = currents.Select(i => i * Options.VoltageV).ToArray();
            return ValueTask.FromResult(new MeterReading(
                timeProvider.GetUtcNow(),
                voltages,
                currents,
                powers,
                powers.Sum(),
                energyWh,
                0.0,
                Options.FrequencyHz));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ev.Changing -= OnPowerPathChanging;
        ev.Changed -= OnPowerPathChanged;
        contactor.Changing -= OnPowerPathChanging;
        contactor.Changed -= OnPowerPathChanged;
        lock (gate)
        {
            signer?.Dispose();
            signer = null;
        }
    }

    private OcmfMeterSigner CreateSigner()
    {
        if (Options.SigningKeyFile is { } file)
        {
            try
            {
                return OcmfMeterSigner.LoadOrCreate(file, Options.SerialNumber);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unwritable state directory must not stop the simulation: the key then lasts for this run only.
            }
        }

        return OcmfMeterSigner.CreateEphemeral(Options.SerialNumber);
    }

    private void OnPowerPathChanging(object? sender, EventArgs e)
    {
        lock (gate)
        {
            Integrate();
        }
    }

    private void OnPowerPathChanged(object? sender, EventArgs e)
    {
        lock (gate)
        {
            currentA = Draw(lastTimestamp);
        }
    }

    // Called under the gate, and before any change of the EV or the contactor: adds the energy of the load since the
    // last call, splitting the interval where the EV adopted a new current (its response delay ends between reads).
    private void Integrate()
    {
        var now = timeProvider.GetTimestamp();
        var from = lastTimestamp;
        var load = currentA;
        // A response due exactly at the last update (zero response delay, PWM set right after a contactor change)
        // was not seen by that update's load sample, so the interval starts at it, inclusive.
        foreach (var breakpoint in ev.FollowBreakpoints(from - 1, now))
        {
            Add(load, from, breakpoint);
            from = breakpoint;
            load = Draw(breakpoint);
        }

        Add(load, from, now);
        lastTimestamp = now;
        currentA = load;
    }

    private void Add((double L1, double L2, double L3) load, long from, long to)
    {
        var hours = timeProvider.GetElapsedTime(from, to).TotalHours;
        var measured = Options.Phases == 3 ? load.L1 + load.L2 + load.L3 : load.L1;
        energyWh += measured * Options.VoltageV * hours;
    }

    private (double L1, double L2, double L3) Draw(long timestamp) =>
        ev.DrawCurrentA(contactor.L1Conducting, contactor.L2L3Conducting, timestamp);
}
