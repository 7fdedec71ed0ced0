using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Station.Evse;

/// <content>Commands from the station (sessions, OCPP, CLI). Thread-safe; applied at the next step.</content>
public sealed partial class EvseController
{
    private readonly Lock _commandGate = new();
    private bool _cmdAuthorized;
    private bool _cmdAvailable = true;
    private double? _cmdExternalLimitA;
    private PhaseSelection _cmdPhases = PhaseSelection.AllPhases;
    private bool _cmdResetFaults;
    private bool _cmdRcdSelfTest;
    private bool _cmdUnlockOnEvSideDisconnect = true;
    private bool _cmdReleaseHeldLock;
    private bool _cmdKeepAuthorizationOnEvSideDisconnect;

    /// <summary>Authorizes a session: once an EV is connected (before or after this call) and nothing forbids it, PWM announces the offer.</summary>
    public void Authorize()
    {
        lock (_commandGate)
        {
            _cmdAuthorized = true;
        }
    }

    /// <summary>
    /// Ends the authorization (Deauthorized, RequestStopTransaction, local stop): PWM stops (X1), the contactor opens once
    /// the EV stopped drawing or after the soft-stop timeout (≤ 6 s), the lock releases. Unplugging ends it too.
    /// </summary>
    public void Deauthorize()
    {
        lock (_commandGate)
        {
            _cmdAuthorized = false;
        }
    }

    /// <summary>Requests the end of the charging session; same effect as <see cref="Deauthorize"/> (kept as its own verb for RequestStopTransaction and the stop button).</summary>
    public void RequestStop() => Deauthorize();

    /// <summary>Sets the EVSE Available or Unavailable (ChangeAvailability). Unavailable stops any charging like <see cref="Deauthorize"/> and drives <see cref="EvseOptions.UnavailableSignal"/>.</summary>
    /// <param name="available">The new availability.</param>
    public void SetAvailability(bool available)
    {
        lock (_commandGate)
        {
            _cmdAvailable = available;
        }
    }

    /// <summary>Sets the current limit from smart charging / load management, amperes per phase; <see langword="null"/> removes it. Below 6 A pauses charging; raising it resumes.</summary>
    /// <param name="currentA">The limit, ≥ 0 A, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative or NaN.</exception>
    public void SetExternalLimit(double? currentA)
    {
        if (currentA is { } value && (double.IsNaN(value) || value < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(currentA), currentA, "The limit must be ≥ 0 A.");
        }

        lock (_commandGate)
        {
            _cmdExternalLimitA = currentA;
        }
    }

    /// <summary>
    /// Requests 1-phase or 3-phase charging (second contactor). If the contactor is closed, the loop pauses the offer,
    /// waits for the EV to stop drawing (soft stop), opens, keeps it open for <see cref="EvseOptions.PhaseSwitchDwell"/>
    /// and resumes with the new selection; the contactors are never switched under load.
    /// </summary>
    /// <param name="phases">The selection.</param>
    /// <returns><see langword="false"/> when the contactor has no second contactor for <see cref="PhaseSelection.SinglePhase"/>.</returns>
    public bool RequestPhaseSelection(PhaseSelection phases)
    {
        if (!Enum.IsDefined(phases))
        {
            throw new ArgumentOutOfRangeException(nameof(phases), phases, "Unknown phase selection.");
        }

        if (phases == PhaseSelection.SinglePhase && !_devices.Contactor.SupportsPhaseSwitching)
        {
            return false;
        }

        lock (_commandGate)
        {
            _cmdPhases = phases;
        }

        return true;
    }

    /// <summary>
    /// Operator reset of latched faults: RCD faults clear after a passed self-test (run now, contactor open), welded /
    /// port faults clear when the contactor reads back open and healthy. Faults whose condition persists stay.
    /// </summary>
    public void ResetFaults()
    {
        lock (_commandGate)
        {
            _cmdResetFaults = true;
        }
    }

    /// <summary>
    /// Sets whether the connector lock releases when the EV side of the cable is unplugged (pilot back to A while the plug
    /// stays locked in the socket): OCPPCommCtrlr.UnlockOnEVSideDisconnect, E09.FR.02. When <see langword="false"/> the
    /// lock stays engaged until the next authorization or <see cref="ReleaseHeldLock"/> (E09.FR.03).
    /// </summary>
    /// <param name="unlock">The variable's value.</param>
    public void SetUnlockOnEvSideDisconnect(bool unlock)
    {
        lock (_commandGate)
        {
            _cmdUnlockOnEvSideDisconnect = unlock;
        }
    }

    /// <summary>
    /// Sets whether an authorized session survives the cable being pulled at the EV side (E10: StopTxOnEVSideDisconnect
    /// false with TxStopPoint Authorized): the energy stops with the pilot, the authorization stays, so the EV plugged in
    /// again charges on; a socket outlet keeps its lock until the session ends (E10.FR.01). <see cref="Deauthorize"/> ends it.
    /// </summary>
    /// <param name="keep">Whether to keep the authorization.</param>
    public void SetKeepAuthorizationOnEvSideDisconnect(bool keep)
    {
        lock (_commandGate)
        {
            _cmdKeepAuthorizationOnEvSideDisconnect = keep;
        }
    }

    /// <summary>Releases a lock held after an EV-side disconnect (UnlockConnector, F05); no effect while a session is authorized.</summary>
    public void ReleaseHeldLock()
    {
        lock (_commandGate)
        {
            _cmdReleaseHeldLock = true;
        }
    }

    /// <summary>Requests a residual-current monitor self-test at the next moment the contactor is open.</summary>
    public void RequestRcdSelfTest()
    {
        lock (_commandGate)
        {
            _cmdRcdSelfTest = true;
        }
    }

    private void TakeCommands()
    {
        lock (_commandGate)
        {
            _authorized = _cmdAuthorized;
            _available = _cmdAvailable;
            _externalLimitA = _cmdExternalLimitA;
            _requestedPhases = _cmdPhases;
            _resetRequested |= _cmdResetFaults;
            _rcdSelfTestPending |= _cmdRcdSelfTest;
            _unlockOnEvSideDisconnect = _cmdUnlockOnEvSideDisconnect;
            _keepAuthorizationOnEvSideDisconnect = _cmdKeepAuthorizationOnEvSideDisconnect;
            _holdLockForDriver &= !_cmdReleaseHeldLock;
            _cmdResetFaults = false;
            _cmdRcdSelfTest = false;
            _cmdReleaseHeldLock = false;
        }
    }

    private void EndSession()
    {
        lock (_commandGate)
        {
            _cmdAuthorized = false;
        }

        _authorized = false;
    }
}
