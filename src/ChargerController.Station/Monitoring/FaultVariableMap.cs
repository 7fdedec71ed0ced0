using ChargerController.Station.DeviceModel;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// Which device-model variable an EVSE fault sets (the physical component of the appendix "Components" list that
/// failed), and how severe its hard-wired monitor is (0 Danger … 9 Debug, N07.FR.20).
/// </summary>
public static class FaultVariableMap
{
    /// <summary>The variable a fault raises/clears.</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The variable key.</returns>
    public static VariableKey KeyFor(FaultKind kind, int evseId) => kind switch
    {
        FaultKind.DiodeFailure or FaultKind.CpShortCircuit or FaultKind.CpOutOfRange or FaultKind.UnexpectedStateF or FaultKind.PilotFailure
            => EvseLevel("CPPWMController", "Problem", evseId),
        FaultKind.ContactorWelded or FaultKind.ContactorDidNotClose or FaultKind.ContactorPortFailure => EvseLevel("PowerContactor", "Problem", evseId),
        FaultKind.RcdTripped => EvseLevel("RCD", "Tripped", evseId),
        FaultKind.RcdSelfTestFailed => EvseLevel("RCD", "Problem", evseId),

        // Meter loss: billing and the overcurrent supervision both depend on it.
        FaultKind.MeterFailure => EvseLevel("ControlMetering", "Problem", evseId),
        FaultKind.ConnectorLockFailure => EvseLevel("ConnectorPlugRetentionLock", "Problem", evseId),
        FaultKind.ProximityPilotInvalid => new VariableKey(DeviceModelCatalog.Connector, null, evseId, 1, "Problem", null),
        FaultKind.LoopStalled or FaultKind.ControllerFailure => EvseLevel("Controller", "Problem", evseId),
        _ => EvseLevel(DeviceModelCatalog.Evse, "Problem", evseId),
    };

    /// <summary>The severity of the hard-wired monitor on a fault variable.</summary>
    /// <param name="key">The variable.</param>
    /// <returns>0-9.</returns>
    public static int SeverityOf(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (key.Component.ToUpperInvariant(), key.Variable.ToUpperInvariant()) switch
        {
            // A residual current is a shock hazard: Danger.
            ("RCD", "TRIPPED") => 0,
            ("CONTROLLER", _) => 2,
            ("CONTROLMETERING", _) => 3,
            ("CONNECTOR", _) => 4,
            _ => 1,
        };
    }

    private static VariableKey EvseLevel(string component, string variable, int evseId) => new(component, null, evseId, null, variable, null);
}
