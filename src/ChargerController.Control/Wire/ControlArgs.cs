namespace ChargerController.Control.Wire;

/// <summary>Argument names used in <see cref="ControlRequest.Args"/>.</summary>
public static class ControlArgs
{
    /// <summary>EVSE id, 1-based decimal.</summary>
    public const string Evse = "evse";

    /// <summary>IdToken for <see cref="ControlCommands.EvseStart"/>.</summary>
    public const string IdToken = "idToken";

    /// <summary><c>operative</c> or <c>inoperative</c> for <see cref="ControlCommands.EvseAvailability"/>.</summary>
    public const string Availability = "availability";

    /// <summary>Card UID in hex for <see cref="ControlCommands.SimTap"/>.</summary>
    public const string Uid = "uid";

    /// <summary>CP state A, B, C or D for <see cref="ControlCommands.SimEv"/>.</summary>
    public const string State = "state";

    /// <summary>weld, rcd, diode, meter-loss or clear for <see cref="ControlCommands.SimFault"/>.</summary>
    public const string Fault = "fault";
}
