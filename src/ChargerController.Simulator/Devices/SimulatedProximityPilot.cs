using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Simulator.Ev;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// A Type 2 socket's proximity pilot: the EV's cable brings the nominal coding resistor for its rating
/// (13 A 1.5 kΩ, 20 A 680 Ω, 32 A 220 Ω, 63 A 100 Ω); an empty socket reads open.
/// Fault injection: a forced resistance (broken or shorted PP) and an ADC failure.
/// </summary>
public sealed class SimulatedProximityPilot : IProximityPilot
{
    private readonly TimeProvider timeProvider;
    private readonly SimulatedEv? ev;
    private readonly Lock gate = new();
    private double? forcedResistanceOhm;
    private bool adcFailure;

    /// <summary>Creates the pilot.</summary>
    /// <param name="timeProvider">Clock for the reading timestamps.</param>
    /// <param name="ev">The EV whose cable is plugged in; <see langword="null"/> for an empty socket.</param>
    public SimulatedProximityPilot(TimeProvider timeProvider, SimulatedEv? ev = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        this.ev = ev;
    }

    /// <summary>Fault: forces the measured PP resistance (e.g. 20 Ω shorted, ∞ broken); <see langword="null"/> restores the cable's value.</summary>
    public double? ForcedResistanceOhm
    {
        get
        {
            lock (gate)
            {
                return forcedResistanceOhm;
            }
        }

        set
        {
            lock (gate)
            {
                forcedResistanceOhm = value;
            }
        }
    }

    /// <summary>Fault: the PP measuring ADC fails, so <see cref="ReadAsync"/> throws <see cref="IOException"/>.</summary>
    public bool AdcFailure
    {
        get
        {
            lock (gate)
            {
                return adcFailure;
            }
        }

        set
        {
            lock (gate)
            {
                adcFailure = value;
            }
        }
    }

    /// <summary>The nominal coding resistor for a cable rating (IEC 61851-1 Annex B / IEC 62196-2), ohms.</summary>
    /// <param name="ratingA">13, 20, 32 or 63 A.</param>
    /// <returns>The resistor value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No Type 2 cable has that rating.</exception>
    public static double NominalResistorOhm(double ratingA) => ratingA switch
    {
        13.0 => 1500.0,
        20.0 => 680.0,
        32.0 => 220.0,
        63.0 or 70.0 => 100.0,
        _ => throw new ArgumentOutOfRangeException(nameof(ratingA), ratingA, "Type 2 cables are rated 13, 20, 32 or 63 A."),
    };

    /// <inheritdoc />
    public ValueTask<ProximityPilotReading> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        double resistance;
        lock (gate)
        {
            if (adcFailure)
            {
                return ValueTask.FromException<ProximityPilotReading>(new IOException("Simulated PP ADC failure."));
            }

            resistance = forcedResistanceOhm
                ?? (ev is { IsPlugged: true } ? NominalResistorOhm(ev.Options.CableRatingA) : double.PositiveInfinity);
        }

        return ValueTask.FromResult(new ProximityPilotReading(resistance, ProximityPilotTable.Decode(resistance), timeProvider.GetUtcNow()));
    }
}
