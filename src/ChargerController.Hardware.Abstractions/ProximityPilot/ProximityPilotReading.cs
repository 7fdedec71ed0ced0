using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Abstractions.ProximityPilot;

/// <summary>One proximity-pilot measurement.</summary>
/// <param name="ResistanceOhm">Measured Rc between PP and PE, ohms; <see cref="double.PositiveInfinity"/> when open.</param>
/// <param name="Rating">The cable rating decoded with <see cref="ProximityPilotTable.Decode"/>.</param>
/// <param name="Timestamp">When it was measured (station clock, from TimeProvider).</param>
public readonly record struct ProximityPilotReading(double ResistanceOhm, CableRating Rating, DateTimeOffset Timestamp);
