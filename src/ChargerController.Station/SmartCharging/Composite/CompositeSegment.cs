using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>
/// One time slot of a composite schedule. The limit is kept as two caps, one from the profiles given in amperes and one
/// from those given in watts, so that the current per phase follows exactly from the number of phases actually in use
/// (K01.FR.50: A = W / (V × phases)); capacity from a LocalGeneration profile is added on top (K08.FR.04).
/// </summary>
/// <param name="Start">Slot start (inclusive).</param>
/// <param name="End">Slot end (exclusive).</param>
/// <param name="CurrentCapA">Lowest ampere limit per phase of the merged profiles; +∞ when none is in A.</param>
/// <param name="PowerCapW">Lowest watt limit of the merged profiles; +∞ when none is in W.</param>
/// <param name="GenerationA">LocalGeneration capacity in A per phase added on top; 0 when none.</param>
/// <param name="GenerationW">LocalGeneration capacity in W added on top; 0 when none.</param>
/// <param name="NumberPhases">Lowest numberPhases of the merged periods (ERR21 K01.FR.140), capped by the supply phases.</param>
/// <param name="PhaseToUse">phaseToUse of the Tx/TxDefault period when numberPhases is 1, else null.</param>
/// <param name="MaxCurrentA">The EVSE or station rating the result never exceeds.</param>
/// <param name="NominalVoltageV">Voltage for the conversions.</param>
/// <param name="MinChargingRateA">minChargingRate of the Tx/TxDefault schedule converted to A per phase (K01.FR.21), 0 when absent.</param>
public readonly record struct CompositeSegment(
    DateTimeOffset Start,
    DateTimeOffset End,
    double CurrentCapA,
    double PowerCapW,
    double GenerationA,
    double GenerationW,
    int NumberPhases,
    int? PhaseToUse,
    double MaxCurrentA,
    double NominalVoltageV,
    double MinChargingRateA)
{
    /// <summary>
    /// Gets the operationMode of the period the transaction's own profile (PriorityCharging, TxProfile or TxDefaultProfile)
    /// has in this slot; ChargingOnly when absent or when no such profile applies (K01.FR.110).
    /// </summary>
    public OperationModeEnumType OperationMode { get; init; } = OperationModeEnumType.ChargingOnly;

    /// <summary>Gets a value indicating whether any profile limits this slot.</summary>
    public bool IsLimited => !double.IsPositiveInfinity(CurrentCapA) || !double.IsPositiveInfinity(PowerCapW);

    /// <summary>The current per phase allowed when charging on <paramref name="phasesInUse"/> phases (never more than <see cref="NumberPhases"/>).</summary>
    /// <param name="phasesInUse">Phases the EVSE uses (1 after a switch to single phase); null = <see cref="NumberPhases"/>.</param>
    /// <returns>Amperes per phase, ≥ 0.</returns>
    public double LimitA(int? phasesInUse = null)
    {
        var n = Phases(phasesInUse);
        var perPhase = Math.Min(CurrentCapA, PowerCapW / (NominalVoltageV * n));
        perPhase += GenerationA + (GenerationW / (NominalVoltageV * n));
        return Math.Clamp(perPhase, 0.0, MaxCurrentA);
    }

    /// <summary>The power allowed when charging on <paramref name="phasesInUse"/> phases.</summary>
    /// <param name="phasesInUse">Phases in use; null = <see cref="NumberPhases"/>.</param>
    /// <returns>Watts, ≥ 0.</returns>
    public double LimitW(int? phasesInUse = null) => LimitA(phasesInUse) * NominalVoltageV * Phases(phasesInUse);

    /// <summary>The effective number of phases for <paramref name="phasesInUse"/>.</summary>
    /// <param name="phasesInUse">Phases in use, or null.</param>
    /// <returns>Between 1 and <see cref="NumberPhases"/>.</returns>
    public int Phases(int? phasesInUse) => Math.Max(1, Math.Min(NumberPhases, phasesInUse ?? NumberPhases));

    /// <summary>Whether two adjacent slots carry the same limit (so they can be merged).</summary>
    /// <param name="other">The next slot.</param>
    /// <returns>True when only the times differ.</returns>
    public bool SameLimitAs(CompositeSegment other) =>
        CurrentCapA.Equals(other.CurrentCapA) && PowerCapW.Equals(other.PowerCapW) && GenerationA.Equals(other.GenerationA)
        && GenerationW.Equals(other.GenerationW) && NumberPhases == other.NumberPhases && PhaseToUse == other.PhaseToUse
        && MinChargingRateA.Equals(other.MinChargingRateA) && OperationMode == other.OperationMode;
}
