using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.ProximityPilot;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>PP of a socket: the test sets the coding resistor (∞ = no plug); decoding uses the real table.</summary>
public sealed class FakeProximityPilot(TimeProvider time) : IProximityPilot
{
    public double ResistanceOhm { get; set; } = double.PositiveInfinity;

    public Exception? ThrowOnRead { get; set; }

    public ValueTask<ProximityPilotReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (ThrowOnRead is { } ex)
        {
            throw ex;
        }

        return ValueTask.FromResult(new ProximityPilotReading(ResistanceOhm, ProximityPilotTable.Decode(ResistanceOhm), time.GetUtcNow()));
    }
}
