namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// Type 2 (IEC 61851-1 Annex B / IEC 62196) proximity-pilot coding: resistor Rc between PP and PE in the plug.
/// Accepted ranges (min/nominal/max) as quoted by EVerest's bring-up guide: 13 A 1100/1500/2460 Ω, 20 A 400/680/936 Ω,
/// 32 A 164/220/308 Ω, 63 A (70 A single-phase) 80/100/140 Ω. Values between two ranges take the lower rating;
/// below 60 Ω is a fault; above 4.5 kΩ is an open PP (no plug).
/// </summary>
public static class ProximityPilotTable
{
    /// <summary>Below this the PP line is treated as shorted, ohms.</summary>
    public const double ShortCircuitBelowOhm = 60.0;

    /// <summary>Above this the PP line is treated as open (no plug), ohms.</summary>
    public const double OpenAboveOhm = 4500.0;

    /// <summary>Decodes a measured PP resistance.</summary>
    /// <param name="resistanceOhm">Measured Rc, ohms (∞ for open).</param>
    /// <returns>The decoded rating.</returns>
    public static CableRating Decode(double resistanceOhm)
    {
        var r = resistanceOhm;
        if (double.IsNaN(r) || r < ShortCircuitBelowOhm)
        {
            return new CableRating(ProximityStatus.Fault, 0);
        }

        if (r > OpenAboveOhm)
        {
            return new CableRating(ProximityStatus.NoCable, 0);
        }

        // A resistance in a gap between two ranges lies above the smaller resistor (the higher rating), so it
        // falls through to the next, lower, rating; 60–80 Ω has nothing rated higher and stays 63 A.
        var ratingA = r switch
        {
            <= 140.0 => 63.0,
            <= 308.0 => 32.0,
            <= 936.0 => 20.0,
            _ => 13.0,
        };

        return new CableRating(ProximityStatus.Cable, ratingA);
    }
}
