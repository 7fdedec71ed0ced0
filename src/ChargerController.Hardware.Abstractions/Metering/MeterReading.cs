namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>One snapshot of an energy meter. Per-phase arrays are ordered L1, L2, L3 and hold only the phases the meter measures.</summary>
/// <param name="Timestamp">When the snapshot was taken (station clock, from TimeProvider).</param>
/// <param name="VoltageV">Phase-to-neutral voltage per phase, volts.</param>
/// <param name="CurrentA">Current per phase, amperes.</param>
/// <param name="PowerW">Active power per phase, watts (negative = export).</param>
/// <param name="TotalPowerW">Total active power, watts.</param>
/// <param name="EnergyImportWh">Total imported active energy register, watt-hours; never decreases on a healthy meter.</param>
/// <param name="EnergyExportWh">Total exported active energy register, watt-hours, when the meter has one.</param>
/// <param name="FrequencyHz">Grid frequency, hertz, when the meter has it.</param>
public sealed record MeterReading(
    DateTimeOffset Timestamp,
    IReadOnlyList<double> VoltageV,
    IReadOnlyList<double> CurrentA,
    IReadOnlyList<double> PowerW,
    double TotalPowerW,
    double EnergyImportWh,
    double? EnergyExportWh,
    double? FrequencyHz);
