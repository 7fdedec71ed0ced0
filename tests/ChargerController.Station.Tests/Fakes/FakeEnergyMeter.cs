using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>A three-phase meter whose per-phase current the test sets; faults: typed read failure, hang, arbitrary exception.</summary>
public sealed class FakeEnergyMeter(TimeProvider time) : IEnergyMeter
{
    public int Phases => 3;

    public double CurrentA { get; set; }

    public MeterFault? Failure { get; set; }

    public Exception? ThrowOther { get; set; }

    public bool Hang { get; set; }

    /// <summary>A driver bug: a reading whose per-phase current list is missing.</summary>
    public bool Malformed { get; set; }

    public int ReadCount { get; private set; }

    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        ReadCount++;
        if (ThrowOther is { } other)
        {
            throw other;
        }

        if (Failure is { } fault)
        {
            return ValueTask.FromException<MeterReading>(new MeterReadException(fault, "fake meter: " + fault));
        }

        if (Hang)
        {
            return new ValueTask<MeterReading>(new TaskCompletionSource<MeterReading>().Task);
        }

        if (Malformed)
        {
            return ValueTask.FromResult(new MeterReading(time.GetUtcNow(), [230, 230, 230], null!, [0, 0, 0], 0, 1000, null, 50));
        }

        var i = CurrentA;
        return ValueTask.FromResult(new MeterReading(time.GetUtcNow(), [230, 230, 230], [i, i, i], [230 * i, 230 * i, 230 * i], 690 * i, 1000, null, 50));
    }
}
