namespace ChargerController.Control.Wire;

/// <summary>Command names understood on the control socket.</summary>
public static class ControlCommands
{
    /// <summary>Live status (<see cref="StationStatus"/>).</summary>
    public const string Status = "status";

    /// <summary>Simulation: plug the EV into EVSE <c>evse</c>.</summary>
    public const string SimPlug = "sim.plug";

    /// <summary>Simulation: unplug the EV from EVSE <c>evse</c>.</summary>
    public const string SimUnplug = "sim.unplug";

    /// <summary>Simulation: present card <c>uid</c> (hex) to the RFID reader.</summary>
    public const string SimTap = "sim.tap";

    /// <summary>Simulation: force the EV on EVSE <c>evse</c> into CP state <c>state</c> (A, B, C, D).</summary>
    public const string SimEv = "sim.ev";

    /// <summary>Simulation: inject or clear fault <c>fault</c> (weld, rcd, diode, meter-loss, clear) on EVSE <c>evse</c>.</summary>
    public const string SimFault = "sim.fault";
}
