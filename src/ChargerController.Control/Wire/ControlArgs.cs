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

    /// <summary>approve, decline, fail or cancel for <see cref="ControlCommands.SimPay"/>.</summary>
    public const string Outcome = "outcome";

    /// <summary>all, cancel or EVSE ids separated by commas for <see cref="ControlCommands.SimMasterPass"/>.</summary>
    public const string Choice = "choice";

    /// <summary>Configuration key for <see cref="ControlCommands.ConfigGet"/> / <see cref="ControlCommands.ConfigSet"/>.</summary>
    public const string Key = "key";

    /// <summary>New value for <see cref="ControlCommands.ConfigSet"/>.</summary>
    public const string Value = "value";

    /// <summary>Maximum number of items for listings (decimal).</summary>
    public const string Limit = "limit";

    /// <summary>IdTokenEnumType for the auth.* commands (default ISO14443).</summary>
    public const string TokenType = "type";

    /// <summary>AuthorizationStatusEnumType for <see cref="ControlCommands.AuthAdd"/> (default Accepted).</summary>
    public const string Status = "status";

    /// <summary>Expiry (RFC 3339) for <see cref="ControlCommands.AuthAdd"/>.</summary>
    public const string Expires = "expires";

    /// <summary>Boolean flag <c>true</c>/<c>false</c>: do it even though the EVSE is busy (<c>evse.reset</c>).</summary>
    public const string Force = "force";
}
