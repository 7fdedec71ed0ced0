using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;

namespace ChargerController.Worker.Simulation;

/// <summary>The simulated devices of a <c>--simulate</c> run: one <see cref="SimulatedEvse"/> per EVSE and one card reader for the station.</summary>
internal sealed class SimulatedHardware : IDisposable
{
    /// <param name="evseCount">EVSEs.</param>
    /// <param name="time">The clock.</param>
    /// <param name="stateDir">Where each meter's register survives a restart (<see cref="PersistentMeterRegister"/>); null: from 0 every start.</param>
    public SimulatedHardware(int evseCount, TimeProvider time, string? stateDir = null)
    {
        string? RegisterFile(int id) => stateDir is null ? null : Path.Combine(stateDir, $"simulated-meter-{id}.wh");

        // An 11 kW three-phase car: draws 16 A of the 32 A offered, so offered and measured current differ visibly.
        Evses = [.. Enumerable.Range(1, evseCount).Select(id => new SimulatedEvse(time, new SimulatedEvseOptions
        {
            Ev = SimulatedEvProfiles.ThreePhase11Kw,
            Meter = new SimulatedMeterOptions
            {
                InitialEnergyImportWh = RegisterFile(id) is { } file ? PersistentMeterRegister.Load(file) : 0.0,
                SerialNumber = $"SIM-METER-{id}",

                // The signing key stays with the meter across restarts, as a real meter's does (signed meter values).
                SigningKeyFile = stateDir is null ? null : Path.Combine(stateDir, $"simulated-meter-{id}-signing-key.pem"),
            },
        }))];
        Meters = [.. Evses.Select((evse, i) => RegisterFile(i + 1) is { } file
            ? new PersistentMeterRegister(evse.Meter, file, evse.Meter.Options.InitialEnergyImportWh)
            : (IEnergyMeter)evse.Meter)];
        Reader = new SimulatedRfidReader(time);
    }

    /// <summary>Index 0 is EVSE 1.</summary>
    public IReadOnlyList<SimulatedEvse> Evses { get; }

    /// <summary>The meter the station reads for each EVSE (index 0 is EVSE 1): the simulated meter, its register kept in the state directory.</summary>
    public IReadOnlyList<IEnergyMeter> Meters { get; }

    public SimulatedRfidReader Reader { get; }

    public SimulatedEvse? Evse(int evseId) => evseId >= 1 && evseId <= Evses.Count ? Evses[evseId - 1] : null;

    public void Dispose()
    {
        foreach (var evse in Evses)
        {
            evse.Dispose();
        }
    }
}
