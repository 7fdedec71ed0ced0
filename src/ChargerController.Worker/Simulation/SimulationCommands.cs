using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Station.Control;
using ChargerController.Station.Payment;
using ChargerController.Station.Sessions;
using ChargerController.Worker.ControlSocket;

namespace ChargerController.Worker.Simulation;

/// <summary>
/// The <c>sim.*</c> commands of a <c>--simulate</c> run: they act on the simulated EV and devices only, never on the
/// station's decisions; the EVSE loop sees the result through its ports exactly as it would on hardware.
/// </summary>
internal sealed class SimulationCommands(SimulatedHardware hardware, StationControlService station, TimeProvider time, SimulatedPaymentTerminal? payment = null, MasterPassPrompt? masterPass = null) : IControlCommandModule
{
    public void Register(ControlRequestRouter router)
    {
        router.Map(ControlCommands.SimPlug, (request, _) => OnEvse(request, (id, evse) =>
        {
            if (evse.Ev.IsPlugged)
            {
                return ControlReplies.Fail(ControlErrorCodes.Refused, $"EVSE {id}: an EV is already plugged in");
            }

            // The car wants to charge: it shows B until the EVSE offers current, then C.
            evse.Ev.Plug(CpState.C);
            return ControlReplies.Done($"EVSE {id}: EV plugged in");
        }));
        router.Map(ControlCommands.SimUnplug, (request, _) => OnEvse(request, (id, evse) =>
        {
            if (!evse.Ev.IsPlugged)
            {
                return ControlReplies.Fail(ControlErrorCodes.Refused, $"EVSE {id}: no EV plugged in");
            }

            evse.Ev.Unplug();
            return ControlReplies.Done($"EVSE {id}: EV unplugged");
        }));
        router.Map(ControlCommands.SimTap, (request, _) => ValueTask.FromResult(Tap(request.Arg(ControlArgs.Uid))));
        router.Map(ControlCommands.SimEv, (request, _) => OnEvse(request, (id, evse) => SetEvState(id, evse, request.Arg(ControlArgs.State))));
        router.Map(ControlCommands.SimPay, (request, _) => OnEvse(request, (id, _) => Pay(id, request.Arg(ControlArgs.Outcome))));
        router.Map(ControlCommands.SimMasterPass, (request, _) => ValueTask.FromResult(MasterPass(request.Arg(ControlArgs.Choice))));
        router.Map(ControlCommands.SimFault, async (request, ct) =>
        {
            if (ControlReplies.EvseId(request, out var error) is not { } id)
            {
                return error!;
            }

            return hardware.Evse(id) is { } evse
                ? await FaultAsync(id, evse, request.Arg(ControlArgs.Fault), ct).ConfigureAwait(false)
                : ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"no EVSE {id} (this station simulates {hardware.Evses.Count})");
        });
    }

    private ValueTask<ControlResponse> OnEvse(ControlRequest request, Func<int, SimulatedEvse, ControlResponse> action)
    {
        if (ControlReplies.EvseId(request, out var error) is not { } id)
        {
            return ValueTask.FromResult(error!);
        }

        return ValueTask.FromResult(hardware.Evse(id) is { } evse
            ? action(id, evse)
            : ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"no EVSE {id} (this station simulates {hardware.Evses.Count})"));
    }

    private ControlResponse Tap(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length % 2 != 0 || !uid.All(char.IsAsciiHexDigit) || uid.Length / 2 is not (4 or 7 or 10))
        {
            return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{uid}' is not a card UID: 4, 7 or 10 bytes in hex, e.g. 04A1B2C3");
        }

        hardware.Reader.Tap(uid);
        return ControlReplies.Done($"card {uid.ToUpperInvariant()} presented to the reader");
    }

    // C16.FR.01: the choice the master pass holder makes on the station's Master Pass UI.
    private ControlResponse MasterPass(string? choice)
    {
        if (masterPass?.Offered is not { } offered)
        {
            return ControlReplies.Fail(ControlErrorCodes.Refused, "no Master Pass UI is open: present a card of the MasterPassGroupId first (chargerctl sim tap UID)");
        }

        var running = string.Join(", ", offered);
        switch (choice)
        {
            case "all":
                return masterPass.SelectAll()
                    ? ControlReplies.Done($"master pass: stopping the transactions on EVSE {running}")
                    : ControlReplies.Fail(ControlErrorCodes.Refused, "the Master Pass UI closed meanwhile");
            case "cancel":
                masterPass.Cancel();
                return ControlReplies.Done("master pass: nothing stopped");
            default:
                var ids = new List<int>();
                foreach (var part in (choice ?? string.Empty).Split(','))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{choice}' is not all, cancel or a list of EVSE ids such as 1,2");
                    }

                    ids.Add(id);
                }

                return masterPass.Select(ids)
                    ? ControlReplies.Done($"master pass: stopping the transaction on EVSE {string.Join(", ", ids)}")
                    : ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"choose among the EVSEs with a running transaction: {running}");
        }
    }

    private ControlResponse Pay(int id, string? outcome)
    {
        if (payment is null)
        {
            return ControlReplies.Fail(ControlErrorCodes.Refused, "this station has no simulated payment terminal");
        }

        switch (outcome)
        {
            case "approve":
                var pspRef = payment.Present(id, PaymentTerminalEventKind.Approved);
                return ControlReplies.Done($"EVSE {id}: card approved, pspRef {pspRef} (DirectPayment token; needs PaymentCtrlr.Enabled)");
            case "decline":
                payment.Present(id, PaymentTerminalEventKind.Declined);
                return ControlReplies.Done($"EVSE {id}: card declined by the simulated PSP");
            case "fail":
                payment.Present(id, PaymentTerminalEventKind.Failed);
                return ControlReplies.Done($"EVSE {id}: terminal could not reach the simulated PSP");
            case "cancel":
                return payment.LastApproved(id) is { } last
                    ? Cancelled(id, last)
                    : ControlReplies.Fail(ControlErrorCodes.Refused, $"EVSE {id}: no approved payment to cancel");
            default:
                return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{outcome}' is not a payment outcome: approve, decline, fail or cancel");
        }
    }

    private ControlResponse Cancelled(int id, string pspRef)
    {
        payment!.Cancel(pspRef);
        return ControlReplies.Done($"EVSE {id}: driver cancelled payment {pspRef} at the terminal");
    }

    private static ControlResponse SetEvState(int id, SimulatedEvse evse, string? state)
    {
        switch (state?.ToUpperInvariant())
        {
            case "A":
                evse.Ev.Unplug();
                return ControlReplies.Done($"EVSE {id}: EV unplugged (state A)");
            case "B" or "C" or "D":
                var cp = Enum.Parse<CpState>(state.ToUpperInvariant());
                if (evse.Ev.IsPlugged)
                {
                    evse.Ev.SetRequestedState(cp);
                }
                else
                {
                    evse.Ev.Plug(cp);
                }

                return ControlReplies.Done($"EVSE {id}: EV requests state {cp}");
            default:
                return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{state}' is not an EV state: A, B, C or D");
        }
    }

    private async Task<ControlResponse> FaultAsync(int id, SimulatedEvse evse, string? fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case "weld":
                evse.Contactor.Welding = true;
                return ControlReplies.Done($"EVSE {id}: contactor contacts weld (detected when the contactor next opens)");
            case "rcd":
                evse.ResidualCurrentMonitor.InjectTrip();
                return ControlReplies.Done($"EVSE {id}: residual current injected (RCD trips)");
            case "diode":
                evse.Ev.DiodeShorted = true;
                return ControlReplies.Done($"EVSE {id}: EV diode shorted (detected while PWM runs)");
            case "meter-loss":
                evse.Meter.Fault = MeterFault.Timeout;
                return ControlReplies.Done($"EVSE {id}: meter stops answering (fault after the meter-loss grace)");
            case "clear":
                evse.Contactor.ClearFaults();
                if (!evse.Contactor.ReadStatus().AnyCommandedClosed)
                {
                    // The welded contactor was "replaced": contacts stuck closed against an open command drop out now.
                    // Never done while the station commands it closed, so this cannot cut a running charge.
                    evse.Contactor.Open();

                    // Reset only once the mirror contact has settled, as a technician resets after the repair: the
                    // station clears a weld only when the feedback agrees with the open command.
                    await Task.Delay((evse.Contactor.Options.FeedbackDelay * 2) + TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
                }

                evse.ResidualCurrentMonitor.ClearTrip();
                evse.Ev.DiodeShorted = false;
                evse.Meter.Fault = null;

                // Latched faults (weld, RCD) need the operator reset, as on real hardware after the repair.
                station.ResetFaults(id);
                return ControlReplies.Done($"EVSE {id}: injected faults removed, fault reset requested");
            default:
                return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{fault}' is not a simulated fault: weld, rcd, diode, meter-loss or clear");
        }
    }
}
