using ChargerController.Hardware.Abstractions.ControlPilot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Safety;

/// <summary>
/// Drives one EVSE's outputs to the safe state — contactor open, pilot at state F or steady +12 V — from any exit path:
/// start-up, exception, cancellation, host stop, dispose, loop stall (house rule 15, REFERENCE.md §6.6). Every output is
/// attempted even when another throws; nothing here throws.
/// </summary>
public sealed class SafeState
{
    private readonly IControlPilot _pilot;
    private readonly PowerPathInterlock _interlock;
    private readonly ILogger _logger;
    private readonly int _evseId;

    /// <summary>Creates the safe-state path.</summary>
    /// <param name="pilot">The pilot port.</param>
    /// <param name="interlock">The interlock owning the contactor.</param>
    /// <param name="evseId">EVSE id for logs.</param>
    /// <param name="logger">Logger; <see langword="null"/> for none.</param>
    public SafeState(IControlPilot pilot, PowerPathInterlock interlock, int evseId, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(interlock);
        _pilot = pilot;
        _interlock = interlock;
        _evseId = evseId;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Opens the contactor first (it carries the energy), then drives the pilot.</summary>
    /// <param name="signal">Pilot level: <see cref="CpSafeSignal.StateF"/> or <see cref="CpSafeSignal.SteadyHigh"/> (<see cref="CpSafeSignal.KeepPwm"/> is treated as steady +12 V: the safe state never offers energy).</param>
    /// <param name="reason">Why, for the log.</param>
    /// <returns><see langword="true"/> when both outputs accepted the command.</returns>
    public bool Enter(CpSafeSignal signal, string reason)
    {
        var ok = _interlock.ForceOpen(reason);
        try
        {
            if (signal == CpSafeSignal.StateF)
            {
                _pilot.SetStateF();
            }
            else
            {
                _pilot.SetSteadyHigh();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.PilotPortFailed(_logger, _evseId, ex);
            ok = false;
        }

        LogMessages.SafeStateEntered(_logger, _evseId, signal, reason);
        return ok;
    }
}
