namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>A meter read that failed for a known reason. The only exception <see cref="IEnergyMeter.ReadAsync"/> throws besides cancellation.</summary>
public sealed class MeterReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fault">The kind of failure.</param>
    /// <param name="message">What happened, naming the port/address where known.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public MeterReadException(MeterFault fault, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Fault = fault;
    }

    /// <summary>The kind of failure.</summary>
    public MeterFault Fault { get; }
}
