namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>The cable current capacity decoded from the PP resistor.</summary>
/// <param name="Status">Whether a cable is present and readable.</param>
/// <param name="MaxCurrentA">The cable's rating in amperes (13, 20, 32 or 63); 0 unless <paramref name="Status"/> is <see cref="ProximityStatus.Cable"/>.</param>
public readonly record struct CableRating(ProximityStatus Status, double MaxCurrentA);
