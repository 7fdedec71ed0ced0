using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;

namespace ChargerController.Simulator.Scenarios;

/// <summary>
/// The scripted demonstration of <c>chargerd --simulate --demo</c>: acts as the person at the charger (plug in, tap a
/// card, unplug) on simulated devices only and narrates what the station does, read back through its status. The
/// station is not told anything: it reacts through its ports exactly as it would on hardware. After the session the
/// station keeps running, so the user can go on with <c>chargerctl</c>.
/// </summary>
public sealed class DemoSession
{
    private readonly SimulatedEvse evse;
    private readonly SimulatedRfidReader reader;
    private readonly Func<CancellationToken, Task<StationStatus>> status;
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly DemoSessionOptions options;

    /// <summary>Creates the demo.</summary>
    /// <param name="evse">The simulated devices of the demo's EVSE.</param>
    /// <param name="reader">The station's simulated card reader.</param>
    /// <param name="status">Reads the station's live status (what <c>chargerctl status</c> shows).</param>
    /// <param name="output">Where the narrative goes (the console).</param>
    /// <param name="timeProvider">Clock for the pauses.</param>
    /// <param name="options">Timing; <see langword="null"/> for the defaults.</param>
    public DemoSession(
        SimulatedEvse evse,
        SimulatedRfidReader reader,
        Func<CancellationToken, Task<StationStatus>> status,
        TextWriter output,
        TimeProvider timeProvider,
        DemoSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evse);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.evse = evse;
        this.reader = reader;
        this.status = status;
        this.output = output;
        time = timeProvider;
        this.options = options ?? new DemoSessionOptions();
    }

    /// <summary>Runs the session once.</summary>
    /// <param name="cancellationToken">Stops the demo (host stop).</param>
    /// <returns><see langword="true"/> when the whole session ran; <see langword="false"/> when the station did not react as expected (the reason is printed).</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var id = options.EvseId;
        await SayAsync($"demo: EVSE {id} is ready. Follow along in another terminal with: {options.FollowCommand}").ConfigureAwait(false);
        await PauseAsync(options.StepPause, cancellationToken).ConfigureAwait(false);

        evse.Ev.Plug(CpState.C);
        await SayAsync($"demo: an EV is plugged into EVSE {id}").ConfigureAwait(false);
        var s = await WaitForAsync(e => e.PilotState.StartsWith('B'), "the pilot to show state B (EV connected)", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: pilot {s.PilotState}, connector {s.ConnectorStatus}: the EV waits for authorization").ConfigureAwait(false);
        await PauseAsync(options.StepPause, cancellationToken).ConfigureAwait(false);

        reader.Tap(options.CardUid);
        await SayAsync($"demo: card {options.CardUid} tapped on the reader").ConfigureAwait(false);
        s = await WaitForAsync(e => e.TransactionId is not null, "the card to be authorized", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: card authorized, transaction {s.TransactionId}").ConfigureAwait(false);
        s = await WaitForAsync(e => e.OfferedCurrentA > 0, "the EVSE to offer current on the pilot", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: the EVSE offers {Num(s.OfferedCurrentA)} A on the pilot (PWM), pilot {s.PilotState}").ConfigureAwait(false);
        s = await WaitForAsync(e => e.ContactorClosed && e.MeasuredCurrentA > 0, "the contactor to close and current to flow", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: EV requests power (pilot {s.PilotState}), contactor closed: charging").ConfigureAwait(false);
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < options.ChargingDuration)
        {
            await PauseAsync(options.ReportInterval, cancellationToken).ConfigureAwait(false);
            var now = await EvseAsync(cancellationToken).ConfigureAwait(false);
            if (now is null || now.TransactionId is null)
            {
                await SayAsync("demo: the session ended early (stopped from chargerctl?); demo over, the station keeps running").ConfigureAwait(false);
                return false;
            }

            await SayAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"demo: charging {time.GetElapsedTime(start).TotalSeconds,3:0} s  offered {now.OfferedCurrentA,5:0.0} A  measured {now.MeasuredCurrentA,5:0.0} A  energy {now.EnergyWh,7:0.0} Wh")).ConfigureAwait(false);
        }

        evse.Ev.SetRequestedState(CpState.B);
        await SayAsync("demo: the EV is full and stops drawing (pilot back to B)").ConfigureAwait(false);
        s = await WaitForAsync(e => !e.ContactorClosed, "the contactor to open", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: contactor open; {Num(s.EnergyWh)} Wh delivered").ConfigureAwait(false);
        await PauseAsync(options.StepPause, cancellationToken).ConfigureAwait(false);
        evse.Ev.Unplug();
        s = await WaitForAsync(e => e.TransactionId is null && e.PilotState == "A", "the session to end on unplug", cancellationToken).ConfigureAwait(false);
        if (s is null)
        {
            return false;
        }

        await SayAsync($"demo: EV unplugged, session ended, connector {s.ConnectorStatus}").ConfigureAwait(false);
        await SayAsync($"demo: done. The station keeps running: try chargerctl sim plug {id}, chargerctl sim tap {options.CardUid}, chargerctl status").ConfigureAwait(false);
        return true;
    }

    private static string Num(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private async Task<EvseStatus?> EvseAsync(CancellationToken cancellationToken)
    {
        var station = await status(cancellationToken).ConfigureAwait(false);
        return station.Evses.FirstOrDefault(e => e.Id == options.EvseId);
    }

    private async Task<EvseStatus?> WaitForAsync(Func<EvseStatus, bool> condition, string what, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (true)
        {
            var now = await EvseAsync(cancellationToken).ConfigureAwait(false);
            if (now is not null && condition(now))
            {
                return now;
            }

            if (time.GetElapsedTime(start) >= options.ReactionTimeout)
            {
                await SayAsync($"demo: gave up waiting for {what} (fault {now?.Fault ?? "none"}); demo over, the station keeps running").ConfigureAwait(false);
                return null;
            }

            await PauseAsync(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task PauseAsync(TimeSpan duration, CancellationToken cancellationToken) => Task.Delay(duration, time, cancellationToken);

    private async Task SayAsync(string line)
    {
        await output.WriteLineAsync(line).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
