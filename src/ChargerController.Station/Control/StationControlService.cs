using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Control;

/// <summary>
/// What the technician's tool may ask the station (status, start/stop, availability, RCD test), with no transport:
/// the Worker exposes it on the control socket. Every command goes through the EVSE's controller, so the interlock
/// and the loop decide what the hardware does; nothing here touches a device except reading meters.
/// </summary>
public sealed class StationControlService
{
    private readonly Dictionary<int, EvseController> evses;
    private readonly IReadOnlyDictionary<int, IEnergyMeter> meters;
    private readonly SessionCoordinator sessions;
    private readonly IOcppStatusSource ocpp;
    private readonly IStationTransactions? transactions;
    private readonly CurrentDisplayMessage? display;
    private readonly Tariffs.ITransactionCostSource? costs;
    private readonly StationControlOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<int, MeterReading> lastReadings = [];

    /// <summary>Creates the service.</summary>
    /// <param name="evses">The EVSE controllers.</param>
    /// <param name="meters">Each EVSE's meter by evseId.</param>
    /// <param name="sessions">The session coordinator.</param>
    /// <param name="ocpp">The OCPP status seam.</param>
    /// <param name="options">Static facts.</param>
    /// <param name="timeProvider">Clock for meter-read timeouts.</param>
    /// <param name="transactions">
    /// The OCPP transaction layer: the status shows its transactionId (as sent in TransactionEvent), never the session's
    /// internal id; <see langword="null"/> when the station runs without one (no transactionId is shown then).
    /// </param>
    /// <param name="display">What the display shows (OCPP block O), or null when the block is not wired.</param>
    /// <param name="costs">The running cost per EVSE (OCPP block I), or null when the block is not wired.</param>
    public StationControlService(
        IEnumerable<EvseController> evses,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        SessionCoordinator sessions,
        IOcppStatusSource ocpp,
        StationControlOptions options,
        TimeProvider timeProvider,
        IStationTransactions? transactions = null,
        CurrentDisplayMessage? display = null,
        Tariffs.ITransactionCostSource? costs = null)
    {
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(ocpp);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.evses = evses.ToDictionary(e => e.EvseId);
        this.meters = meters;
        this.sessions = sessions;
        this.ocpp = ocpp;
        this.options = options;
        time = timeProvider;
        this.transactions = transactions;
        this.display = display;
        this.costs = costs;
    }

    /// <summary>The live status of the station.</summary>
    /// <param name="cancellationToken">Cancels the meter reads.</param>
    /// <returns>The status, EVSEs ordered by id.</returns>
    public async Task<StationStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var list = new List<EvseStatus>(evses.Count);
        foreach (var evse in evses.Values.OrderBy(e => e.EvseId))
        {
            list.Add(await EvseStatusAsync(evse, cancellationToken).ConfigureAwait(false));
        }

        var o = await ocpp.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var shown = display?.Current is { } m
            ? new DisplayMessageStatus(m.Id, m.Priority.ToString(), m.Format.ToString(), m.Language, m.Content, m.TransactionId)
            : null;
        return new StationStatus(o.Connected, o.Subprotocol, o.BootStatus, o.QueueDepth, list, options.Simulated, options.Version, shown);
    }

    /// <summary>Starts a session on an EVSE as a remote start would (<c>chargerctl evse start</c>).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="idToken">The token, or <see langword="null"/> for <see cref="StationControlOptions.DefaultRemoteIdToken"/>.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>The outcome.</returns>
    public async Task<ControlOutcome> StartAsync(int evseId, string? idToken, CancellationToken cancellationToken)
    {
        if (!evses.ContainsKey(evseId))
        {
            return NoSuchEvse(evseId);
        }

        var result = await sessions.RemoteStartAsync(evseId, string.IsNullOrWhiteSpace(idToken) ? options.DefaultRemoteIdToken : idToken, cancellationToken).ConfigureAwait(false);
        return result.Accepted
            ? ControlOutcome.Done($"EVSE {evseId}: session {result.Session!.TransactionId} authorized for {result.Session.IdToken}")
            : ControlOutcome.Refused(result.Reason);
    }

    /// <summary>Stops the session on an EVSE (local stop).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <returns>The outcome.</returns>
    public ControlOutcome Stop(int evseId)
    {
        if (!evses.ContainsKey(evseId))
        {
            return NoSuchEvse(evseId);
        }

        return sessions.Stop(evseId, "stopped by chargerctl")
            ? ControlOutcome.Done($"EVSE {evseId}: session stopped; the contactor opens once the EV stops drawing (at most 6 s)")
            : ControlOutcome.Refused($"EVSE {evseId} has no session to stop");
    }

    /// <summary>
    /// Releases the connector. The loop keeps the lock released whenever no session is authorized, so this is refused
    /// during a session (OCPP UnlockConnector: OngoingAuthorizedTransaction) and otherwise confirms the released state.
    /// </summary>
    /// <param name="evseId">The evseId.</param>
    /// <returns>The outcome.</returns>
    public ControlOutcome Unlock(int evseId)
    {
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return NoSuchEvse(evseId);
        }

        return sessions.SessionOf(evseId) is not null || evse.Snapshot.SessionAuthorized
            ? ControlOutcome.Refused($"EVSE {evseId} has an authorized session: stop it first (chargerctl evse stop {evseId})")
            : ControlOutcome.Done($"EVSE {evseId}: no session, the connector lock is released");
    }

    /// <summary>Sets an EVSE operative or inoperative (ChangeAvailability). Inoperative stops a running session.</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="operative">The new availability.</param>
    /// <returns>The outcome.</returns>
    public ControlOutcome SetAvailability(int evseId, bool operative)
    {
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return NoSuchEvse(evseId);
        }

        if (!operative)
        {
            sessions.Stop(evseId, "EVSE set inoperative");
        }

        evse.SetAvailability(operative);
        return ControlOutcome.Done($"EVSE {evseId}: {(operative ? "operative" : "inoperative")}");
    }

    /// <summary>Runs the residual-current monitor self-test; refused while a vehicle is charging (the test must run with the contactor open).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <returns>The outcome.</returns>
    public ControlOutcome RunRcdSelfTest(int evseId)
    {
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return NoSuchEvse(evseId);
        }

        var snapshot = evse.Snapshot;
        if (snapshot.ContactorClosed || snapshot.ChargingState == EvseChargingState.Charging)
        {
            return ControlOutcome.Refused($"EVSE {evseId} is charging a vehicle: stop the session before testing the RCD");
        }

        evse.RequestRcdSelfTest();
        return ControlOutcome.Done($"EVSE {evseId}: RCD self-test requested; a failure shows as fault RcdSelfTestFailed in status");
    }

    /// <summary>Clears latched faults whose condition is gone (operator reset).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <returns>The outcome.</returns>
    public ControlOutcome ResetFaults(int evseId)
    {
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return NoSuchEvse(evseId);
        }

        evse.ResetFaults();
        return ControlOutcome.Done($"EVSE {evseId}: fault reset requested");
    }

    private static ControlOutcome NoSuchEvse(int evseId) => ControlOutcome.Invalid($"no EVSE {evseId.ToString(CultureInfo.InvariantCulture)}");

    private static string PilotName(PilotState state) => state == PilotState.Unknown ? "Unknown" : state.ToString();

    private async Task<EvseStatus> EvseStatusAsync(EvseController evse, CancellationToken cancellationToken)
    {
        var snapshot = evse.Snapshot;
        var reading = await ReadMeterAsync(evse.EvseId, cancellationToken).ConfigureAwait(false);
        var session = sessions.SessionOf(evse.EvseId);
        var measured = reading is null || reading.CurrentA.Count == 0 ? 0.0 : reading.CurrentA.Max();
        var register = reading?.EnergyImportWh ?? 0.0;
        var energy = session is null ? register : Math.Max(0.0, register - (session.MeterStartWh ?? register));
        var fault = snapshot.Faults.Count == 0 ? null : string.Join(",", snapshot.Faults.Select(f => f.Kind.ToString()).Distinct());
        return new EvseStatus(
            evse.EvseId,
            snapshot.ConnectorStatus.ToString(),
            PilotName(snapshot.PilotState),
            snapshot.ContactorClosed,
            Math.Round(snapshot.OfferedCurrentA, 1),
            Math.Round(measured, 2),
            // The technician compares this with the CSMS: the OCPP transactionId (E01.FR.08), which may exist without a
            // session (TxStartPoint EVConnected) and differs from the session's own id.
            transactions?.GetTransactionId(evse.EvseId),
            Math.Round(energy, 1),
            fault,
            costs?.RunningCostOf(evse.EvseId) is { } cost
                ? new CostStatus(Math.Round(cost.Total, 2, MidpointRounding.AwayFromZero), cost.Currency, cost.Local ? "Local" : "Csms", cost.TariffId)
                : null);
    }

    private async Task<MeterReading?> ReadMeterAsync(int evseId, CancellationToken cancellationToken)
    {
        if (!meters.TryGetValue(evseId, out var meter))
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(options.MeterReadTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var reading = await meter.ReadAsync(linked.Token).ConfigureAwait(false);
            lock (gate)
            {
                lastReadings[evseId] = reading;
            }

            return reading;
        }
        catch (Exception ex) when (ex is MeterReadException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Meter loss shows as the MeterFailure fault once the loop's grace is over; here the last energy value stays
            // on screen and the measured current reads 0 rather than a stale value.
            lock (gate)
            {
                return lastReadings.TryGetValue(evseId, out var last) ? last with { CurrentA = [] } : null;
            }
        }
    }
}
