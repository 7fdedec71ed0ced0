namespace ChargerController.Station.Safety;

/// <summary>A fault that was raised or cleared since the last drain of <see cref="FaultMonitor"/>.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Raised"><see langword="true"/> when raised, <see langword="false"/> when cleared.</param>
public readonly record struct FaultChange(Fault Fault, bool Raised);
