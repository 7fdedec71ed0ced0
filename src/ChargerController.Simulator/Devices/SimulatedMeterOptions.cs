namespace ChargerController.Simulator.Devices;

/// <summary>Electrical parameters of a simulated energy meter.</summary>
public sealed record SimulatedMeterOptions
{
    /// <summary>Phase-to-neutral voltage on every phase, volts.</summary>
    public double VoltageV { get; init; } = 230.0;

    /// <summary>Grid frequency, hertz.</summary>
    public double FrequencyHz { get; init; } = 50.0;

    /// <summary>Phases the meter measures (1 or 3).</summary>
    public int Phases { get; init; } = 3;

    /// <summary>Import register at start, watt-hours (a meter that has already counted before).</summary>
    public double InitialEnergyImportWh { get; init; }

    /// <summary>The meter's serial number, recorded in its signed data sets.</summary>
    public string SerialNumber { get; init; } = "SIM-METER";

    /// <summary>
    /// Where the meter's signing key is kept (PEM, created on first use); <see langword="null"/>: a new key for every
    /// run. The simulated meter always can sign; the station asks for signatures only when configured to.
    /// </summary>
    public string? SigningKeyFile { get; init; }
}
