using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;

namespace ChargerController.Worker.Simulation;

/// <summary>The simulated devices of a <c>--simulate</c> run: one <see cref="SimulatedEvse"/> per EVSE and one card reader for the station.</summary>
internal sealed class SimulatedHardware : IDisposable
{
    public SimulatedHardware(int evseCount, TimeProvider time)
    {
        // An 11 kW three-phase car: draws 16 A of the 32 A offered, so offered and measured current differ visibly.
        Evses = [.. Enumerable.Range(1, evseCount).Select(_ => new SimulatedEvse(time, new SimulatedEvseOptions { Ev = SimulatedEvProfiles.ThreePhase11Kw }))];
        Reader = new SimulatedRfidReader(time);
    }

    /// <summary>Index 0 is EVSE 1.</summary>
    public IReadOnlyList<SimulatedEvse> Evses { get; }

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
