namespace ChargerController.Control.Wire;

/// <summary>Command names understood on the control socket.</summary>
public static class ControlCommands
{
    /// <summary>Live status (<see cref="StationStatus"/>).</summary>
    public const string Status = "status";

    /// <summary>Start a session on EVSE <c>evse</c> (remote start) with optional <c>idToken</c>; answers <see cref="CommandResult"/>.</summary>
    public const string EvseStart = "evse.start";

    /// <summary>Stop the session on EVSE <c>evse</c> (local stop).</summary>
    public const string EvseStop = "evse.stop";

    /// <summary>Release the connector lock of EVSE <c>evse</c>; refused while a session is authorized.</summary>
    public const string EvseUnlock = "evse.unlock";

    /// <summary>Set EVSE <c>evse</c> to <c>availability</c> <c>operative</c> or <c>inoperative</c>.</summary>
    public const string EvseAvailability = "evse.availability";

    /// <summary>
    /// Reset EVSE <c>evse</c> (as an OCPP Reset with evseId, B11/B12); refused while it has a session or transaction unless
    /// <c>force</c> is <c>true</c> (then its transaction ends with stoppedReason ImmediateReset first).
    /// </summary>
    public const string EvseReset = "evse.reset";

    /// <summary>Run the residual-current monitor self-test on EVSE <c>evse</c>; refused while a vehicle is charging.</summary>
    public const string HwRcdTest = "hw.rcd-test";

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

    /// <summary>Simulation: a payment card at the simulated payment terminal for EVSE <c>evse</c>: <c>outcome</c> approve, decline, fail or cancel (C18/C19).</summary>
    public const string SimPay = "sim.pay";

    /// <summary>Simulation: answer the open Master Pass UI (C16): <c>choice</c> all, cancel, or EVSE ids (<c>1</c>, <c>1,2</c>).</summary>
    public const string SimMasterPass = "sim.masterpass";

    /// <summary>List device-model variables and local settings (<see cref="ConfigList"/>).</summary>
    public const string ConfigList = "config.list";

    /// <summary>Get one configuration value <c>key</c> (<see cref="ConfigVariable"/>).</summary>
    public const string ConfigGet = "config.get";

    /// <summary>Set device-model variable <c>key</c> to <c>value</c>, validated by the device model (<see cref="ConfigSetResult"/>).</summary>
    public const string ConfigSet = "config.set";

    /// <summary>Outbound queue counters (<see cref="QueueStats"/>).</summary>
    public const string QueueStats = "queue.stats";

    /// <summary>The queued messages in delivery order, at most <c>limit</c> (<see cref="QueueList"/>).</summary>
    public const string QueueList = "queue.list";

    /// <summary>The local authorization list (<see cref="AuthList"/>).</summary>
    public const string AuthList = "auth.list";

    /// <summary>Add or update local-list entry <c>idToken</c> (<c>type</c>, <c>status</c>, <c>expires</c>).</summary>
    public const string AuthAdd = "auth.add";

    /// <summary>Remove local-list entry <c>idToken</c> of <c>type</c>.</summary>
    public const string AuthRemove = "auth.remove";

    /// <summary>Station database statistics (<see cref="DatabaseStats"/>).</summary>
    public const string DiagDatabase = "diag.database";
}
