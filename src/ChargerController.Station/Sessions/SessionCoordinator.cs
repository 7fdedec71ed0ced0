using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Reservations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Sessions;

/// <summary>
/// Turns card reads, remote starts and free vend into <see cref="EvseController.Authorize"/> on the EVSE that should
/// get it, and ends sessions on unplug or stop. Choice of EVSE for a card: the one with an EV plugged in and no session;
/// else, when only one EVSE is free, that one ("authorization first", which then waits
/// <see cref="SessionCoordinatorOptions.ConnectionTimeout"/> for the EV); else, with several free EVSEs, the driver's
/// choice is not known yet: the authorization waits, unbound, for the first free EVSE the EV is plugged into within the
/// connection timeout (E03: the EVSE is known once the cable is plugged in, E01.FR.16). Knows nothing of OCPP: the
/// transaction layer subscribes to <see cref="SessionStarted"/> / <see cref="SessionEnded"/>.
/// </summary>
public sealed class SessionCoordinator : IDisposable
{
    private readonly Dictionary<int, EvseController> evses;
    private readonly IReadOnlyDictionary<int, IEnergyMeter> meters;
    private readonly IIdTokenAuthorizer authorizer;
    private readonly IReservationGate reservations;
    private readonly SessionCoordinatorOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private readonly Lock state = new();
    private readonly Dictionary<int, ChargingSession> sessions = [];
    private readonly Dictionary<int, ITimer> connectionTimers = [];
    private readonly HashSet<int> evConnected = [];
    private readonly List<AwaitingAuthorization> awaiting = [];
    private readonly Func<string> newTransactionId;
    private TimeSpan connectionTimeout;
    private bool keepOnEvSideDisconnect;

    /// <summary>Creates the coordinator with a legacy <see cref="ITokenAuthorizer"/> and subscribes to the EVSEs' events.</summary>
    /// <param name="evses">The station's EVSE controllers.</param>
    /// <param name="meters">Each EVSE's meter by evseId (EVSEs without one are absent).</param>
    /// <param name="authorizer">Decides which tokens may charge.</param>
    /// <param name="options">Session options.</param>
    /// <param name="timeProvider">Clock for timestamps and the connection timeout.</param>
    /// <param name="logger">Logger, or <see langword="null"/>.</param>
    /// <param name="transactionIds">Generates session ids; <see langword="null"/> for random UUIDs.</param>
    public SessionCoordinator(
        IEnumerable<EvseController> evses,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        ITokenAuthorizer authorizer,
        SessionCoordinatorOptions options,
        TimeProvider timeProvider,
        ILogger<SessionCoordinator>? logger = null,
        Func<string>? transactionIds = null)
        : this(evses, meters, new IdTokenAuthorizerAdapter(authorizer ?? throw new ArgumentNullException(nameof(authorizer))), options, timeProvider, null, logger, transactionIds)
    {
    }

    /// <summary>Creates the coordinator and subscribes to the EVSEs' events.</summary>
    /// <param name="evses">The station's EVSE controllers.</param>
    /// <param name="meters">Each EVSE's meter by evseId (EVSEs without one are absent).</param>
    /// <param name="authorizer">Decides which tokens may charge (local list, cache, CSMS: block C).</param>
    /// <param name="options">Session options.</param>
    /// <param name="timeProvider">Clock for timestamps and the connection timeout.</param>
    /// <param name="reservations">Reservation gate (H03); <see langword="null"/> for none.</param>
    /// <param name="logger">Logger, or <see langword="null"/>.</param>
    /// <param name="transactionIds">Generates session ids; <see langword="null"/> for random UUIDs.</param>
    public SessionCoordinator(
        IEnumerable<EvseController> evses,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        IIdTokenAuthorizer authorizer,
        SessionCoordinatorOptions options,
        TimeProvider timeProvider,
        IReservationGate? reservations,
        ILogger<SessionCoordinator>? logger = null,
        Func<string>? transactionIds = null)
    {
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        this.evses = evses.ToDictionary(e => e.EvseId);
        this.meters = meters;
        this.authorizer = authorizer;
        this.reservations = reservations ?? new NoReservations();
        connectionTimeout = options.ConnectionTimeout;
        this.options = options;
        time = timeProvider;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        newTransactionId = transactionIds ?? (() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture));
        foreach (var evse in this.evses.Values)
        {
            evse.EventRaised += OnEvseEvent;

            // An EV plugged in before this coordinator existed raised its EvConnected unseen.
            if (evse.Snapshot.ConnectorStatus == ConnectorStatus.Occupied)
            {
                evConnected.Add(evse.EvseId);
            }
        }
    }

    /// <summary>Raised when a session is authorized (on the caller's or the loop's thread).</summary>
    public event EventHandler<ChargingSession>? SessionStarted;

    /// <summary>Raised when a session ends (unplug, stop, connection timeout).</summary>
    public event EventHandler<ChargingSession>? SessionEnded;

    /// <summary>Gets the tokens authorized before an EV was plugged in that wait for the first free EVSE plugged in (oldest first).</summary>
    public IReadOnlyList<IdTokenType> AwaitingEv
    {
        get
        {
            lock (state)
            {
                return [.. awaiting.Select(a => a.Token)];
            }
        }
    }

    /// <summary>The EVSE ids, ascending.</summary>
    public IReadOnlyList<int> EvseIds => [.. evses.Keys.Order()];

    /// <summary>The running session of an EVSE.</summary>
    /// <param name="evseId">The evseId.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    public ChargingSession? SessionOf(int evseId)
    {
        lock (state)
        {
            return sessions.GetValueOrDefault(evseId);
        }
    }

    /// <summary>
    /// Sets how long an authorization given before the EV is plugged in stays valid (TxCtrlr.EVConnectionTimeOut, E03);
    /// applies to authorizations given from now on.
    /// </summary>
    /// <param name="timeout">The timeout (&gt; 0).</param>
    public void SetConnectionTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        lock (state)
        {
            connectionTimeout = timeout;
        }
    }

    /// <summary>
    /// Sets whether a session survives the cable being pulled at the EV side (E10: TxCtrlr.StopTxOnEVSideDisconnect false
    /// with TxStopPoint Authorized). It then ends when the driver presents the token again or the CSMS stops it; with a
    /// permanently attached cable also when no EV is plugged in again within EVConnectionTimeOut (E10.FR.02).
    /// </summary>
    /// <param name="keep">Whether to keep the session.</param>
    public void SetKeepSessionOnEvSideDisconnect(bool keep)
    {
        lock (state)
        {
            keepOnEvSideDisconnect = keep;
        }
    }

    /// <summary>
    /// A card was presented (ISO 14443 UID). See <see cref="PresentTokenAsync"/>.
    /// </summary>
    /// <param name="idToken">The token.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public Task<SessionStartResult> PresentCardAsync(string idToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idToken);
        return PresentTokenAsync(new IdTokenType { IdToken = idToken, Type = "ISO14443" }, cancellationToken);
    }

    /// <summary>
    /// A token was presented. The same token as a running session stops that session without asking anyone (E07.FR.01);
    /// otherwise it is authorized: a token whose groupIdToken is the MasterPassGroupId stops every session and never
    /// starts one (C16), one of the same group as a running session stops that session (C09), else it starts a session
    /// on the EVSE that should get it.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public async Task<SessionStartResult> PresentTokenAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.IdToken, nameof(token));
        ChargingSession? own;
        bool anyRunning;
        AwaitingAuthorization? ownAwaiting;
        lock (state)
        {
            own = sessions.Values.FirstOrDefault(s => string.Equals(s.IdToken, token.IdToken, StringComparison.OrdinalIgnoreCase));
            anyRunning = sessions.Count > 0;
            ownAwaiting = awaiting.FirstOrDefault(a => string.Equals(a.Token.IdToken, token.IdToken, StringComparison.OrdinalIgnoreCase));
            if (ownAwaiting is not null)
            {
                Withdraw(ownAwaiting);
            }
        }

        if (ownAwaiting is not null)
        {
            // C01.FR.03: the token that gave the authorization ends it, here before any EVSE got it.
            LogMessages.AwaitingAuthorizationEnded(logger, token.IdToken, "the same card was presented again");
            return new SessionStartResult(null, $"authorization of {token.IdToken} withdrawn by the same card");
        }

        if (own is not null)
        {
            Stop(own.EvseId, SessionEndReason.LocalStop, token);
            return new SessionStartResult(null, $"session on EVSE {own.EvseId} stopped by the same card");
        }

        var decision = await authorizer.AuthorizeAsync(token, null, anyRunning ? AuthorizationPurpose.Stop : AuthorizationPurpose.Start, cancellationToken).ConfigureAwait(false);
        var group = decision.Info.GroupIdToken;
        var masterPass = options.MasterPassGroupId?.Invoke();
        if (group is not null && !string.IsNullOrEmpty(masterPass) && string.Equals(group.IdToken, masterPass, StringComparison.OrdinalIgnoreCase))
        {
            // C16.FR.02/03: without a UI a master pass stops every running session; it never starts one.
            IEnumerable<int> chosen = EvseIds;
            if (options.MasterPassUi is { } ui)
            {
                // C16.FR.01/07: with a UI its holder chooses which of the running transactions to stop.
                List<int> running;
                lock (state)
                {
                    running = [.. sessions.Keys.Order()];
                }

                chosen = running.Count == 0 ? [] : await ui.ChooseAsync(running, cancellationToken).ConfigureAwait(false);
            }

            var stopped = 0;
            foreach (var id in chosen)
            {
                stopped += Stop(id, SessionEndReason.MasterPass, token) ? 1 : 0;
            }

            return new SessionStartResult(null, $"master pass: {stopped} session(s) stopped");
        }

        if (group is not null && decision.Accepted)
        {
            ChargingSession? sameGroup;
            lock (state)
            {
                sameGroup = sessions.Values.FirstOrDefault(s => s.GroupIdToken is { } g && string.Equals(g.IdToken, group.IdToken, StringComparison.OrdinalIgnoreCase));
            }

            if (sameGroup is not null)
            {
                // C09.FR.03: a token of the same group stops the session.
                Stop(sameGroup.EvseId, SessionEndReason.LocalStop, token);
                return new SessionStartResult(null, $"session on EVSE {sameGroup.EvseId} stopped by a token of its group");
            }
        }

        return await StartAuthorizedAsync(token, decision, null, "card", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a session on a given EVSE (<c>chargerctl evse start</c>); the token is authorized first.</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="idToken">The token.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public Task<SessionStartResult> RemoteStartAsync(int evseId, string idToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idToken);
        return RemoteStartAsync(evseId, new IdTokenType { IdToken = idToken, Type = "Central" }, null, null, true, cancellationToken);
    }

    /// <summary>Starts a session for RequestStartTransaction (F01/F02).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="token">The token.</param>
    /// <param name="remoteStartId">The request's remoteStartId.</param>
    /// <param name="groupIdToken">The request's groupIdToken, if any.</param>
    /// <param name="authorize">Whether to authorize the token first (AuthCtrlr.AuthorizeRemoteStart, F01.FR.01/02).</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public async Task<SessionStartResult> RemoteStartAsync(int evseId, IdTokenType token, int? remoteStartId, IdTokenType? groupIdToken, bool authorize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.IdToken, nameof(token));
        if (!evses.ContainsKey(evseId))
        {
            return new SessionStartResult(null, $"no EVSE {evseId}");
        }

        var decision = authorize
            ? await authorizer.AuthorizeAsync(token, evseId, AuthorizationPurpose.RemoteStart, cancellationToken).ConfigureAwait(false)
            : new AuthorizationDecision(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, GroupIdToken = groupIdToken }, AuthorizationSource.Csms);
        return await StartAuthorizedAsync(token, decision, evseId, "remote", remoteStartId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a session for a token another block has already decided on (C18 ad hoc payment: the payment terminal or the
    /// CSMS accepted a DirectPayment token), without asking the authorizer again; EVSE restrictions of the decision, the
    /// reservation gate and the EVSE's state still apply.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="decision">The decision (not Accepted: nothing starts).</param>
    /// <param name="evseId">The EVSE, or <see langword="null"/> to choose one as for a card.</param>
    /// <param name="limit">A limit the station sets for the transaction (<see cref="ChargingSession.TransactionLimit"/>), or <see langword="null"/>.</param>
    /// <param name="origin">How it started, for the log (e.g. <c>payment</c>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>What happened.</returns>
    public Task<SessionStartResult> StartWithDecisionAsync(IdTokenType token, AuthorizationDecision decision, int? evseId, TransactionLimitType? limit, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.IdToken, nameof(token));
        return StartAuthorizedAsync(token, decision, evseId, origin, null, cancellationToken, limit: limit);
    }

    /// <summary>
    /// Re-creates the session of a transaction resumed after a restart (E17.FR.11, AllowEnergyTransferResumption) without
    /// authorizing again: the CSMS already accepted it.
    /// </summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="token">The transaction's token.</param>
    /// <param name="startedAt">When it was authorized.</param>
    /// <returns>The session, or <see langword="null"/> when the EVSE has one or does not exist.</returns>
    public ChargingSession? Resume(int evseId, IdTokenType token, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return null;
        }

        var session = new ChargingSession(evseId, newTransactionId(), token.IdToken, "resumed", startedAt, null) { Token = token };
        lock (state)
        {
            if (!sessions.TryAdd(evseId, session))
            {
                return null;
            }
        }

        evse.Authorize();
        LogMessages.SessionAuthorized(logger, evseId, session.TransactionId, token.IdToken, "resumed");
        return session;
    }

    /// <summary>Ends the session of an EVSE: the controller withdraws the PWM and opens the contactor after the soft stop.</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="reason">Why, for the log.</param>
    /// <returns><see langword="false"/> when the EVSE has no session.</returns>
    public bool Stop(int evseId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Stop(evseId, SessionEndReason.Other, null, reason);
    }

    /// <summary>Ends the session of an EVSE for a known reason (the transaction layer reports it).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="reason">Why.</param>
    /// <param name="stopToken">The token that stopped it locally (E07.FR.02), if any.</param>
    /// <param name="detail">A sentence for the log; the reason's name when <see langword="null"/>.</param>
    /// <returns><see langword="false"/> when the EVSE has no session.</returns>
    public bool Stop(int evseId, SessionEndReason reason, IdTokenType? stopToken = null, string? detail = null)
    {
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return false;
        }

        evse.RequestStop();
        return End(evseId, reason, stopToken, detail ?? reason.ToString());
    }

    /// <summary>Reads cards until cancelled and presents each (<see cref="PresentCardAsync"/>). The card UID in upper-case hex is the IdToken.</summary>
    /// <param name="reader">The station's reader.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>A task that completes when cancelled.</returns>
    public async Task RunAsync(IRfidReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            await foreach (var card in reader.ReadCardsAsync(cancellationToken).ConfigureAwait(false))
            {
                var idToken = Convert.ToHexString([.. card.Uid]);
                try
                {
                    await PresentCardAsync(idToken, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogMessages.SessionCoordinatorFailed(logger, "card " + idToken, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // host stop
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var evse in evses.Values)
        {
            evse.EventRaised -= OnEvseEvent;
        }

        lock (state)
        {
            foreach (var timer in connectionTimers.Values)
            {
                timer.Dispose();
            }

            connectionTimers.Clear();
            foreach (var entry in awaiting)
            {
                entry.Timer?.Dispose();
            }

            awaiting.Clear();
        }

        startGate.Dispose();
    }

    private async Task<SessionStartResult> StartAuthorizedAsync(IdTokenType token, AuthorizationDecision decision, int? evseId, string origin, int? remoteStartId, CancellationToken cancellationToken, DateTimeOffset? authorizedAt = null, TransactionLimitType? limit = null)
    {
        if (evseId is { } requested && !evses.ContainsKey(requested))
        {
            return new SessionStartResult(null, $"no EVSE {requested}");
        }

        if (!decision.Accepted)
        {
            var status = decision.Info.Status.ToString();
            LogMessages.TokenRejected(logger, token.IdToken, status);
            return new SessionStartResult(null, $"token {token.IdToken} not authorized: {decision.Info.Status}");
        }

        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var target = evseId;
            if (target is null)
            {
                var choice = ChooseEvse(token, decision);
                if (choice.AwaitOn is { } candidates)
                {
                    if (Await(token, decision, origin, candidates, limit, out var pluggedMeanwhile) is { } waiting)
                    {
                        return waiting;
                    }

                    choice = (pluggedMeanwhile, null);
                }

                target = choice.EvseId;
            }

            if (target is not { } id)
            {
                return new SessionStartResult(null, "no EVSE is free for a new session");
            }

            if (decision.Info.EvseId is { Length: > 0 } allowed && !allowed.Contains(id))
            {
                // C01.FR.x: the IdTokenInfo restricts the token to other EVSEs.
                return new SessionStartResult(null, $"token {token.IdToken} is not valid on EVSE {id}");
            }

            var refusal = RefusalFor(id);
            if (refusal is not null)
            {
                return new SessionStartResult(null, refusal);
            }

            var reservation = reservations.Check(id, token, decision.Info.GroupIdToken);
            if (!reservation.Allowed)
            {
                return new SessionStartResult(null, $"EVSE {id} is reserved for another token");
            }

            var session = await OpenAsync(id, token, origin, cancellationToken).ConfigureAwait(false);
            session = session with { StartedAt = authorizedAt ?? session.StartedAt, GroupIdToken = decision.Info.GroupIdToken, RemoteStartId = remoteStartId, ReservationId = reservation.ReservationId, TransactionLimit = limit };
            lock (state)
            {
                sessions[id] = session;
            }

            evses[id].Authorize();
            LogMessages.SessionAuthorized(logger, id, session.TransactionId, token.IdToken, origin);
            SessionStarted?.Invoke(this, session);
            return new SessionStartResult(session, $"EVSE {id}: session authorized for {token.IdToken}");
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>
    /// The EVSE a token without a requested EVSE goes to: one with an EV waiting; else the only free one; else, with
    /// several free EVSEs the token may use (C01.FR.21) and that no reservation holds for another driver (H01.FR.09/10),
    /// none yet (<c>AwaitOn</c>): the cable decides.
    /// </summary>
    private (int? EvseId, int[]? AwaitOn) ChooseEvse(IdTokenType token, AuthorizationDecision decision)
    {
        var allowed = decision.Info.EvseId;
        List<int> free;
        int awaitingCount;
        lock (state)
        {
            var ordered = evses.Values.Where(e => allowed is not { Length: > 0 } || allowed.Contains(e.EvseId)).OrderBy(e => e.EvseId).ToList();
            var waiting = ordered.FirstOrDefault(e => evConnected.Contains(e.EvseId) && !sessions.ContainsKey(e.EvseId) && IsUsable(e));
            if (waiting is not null)
            {
                return (waiting.EvseId, null);
            }

            free = [.. ordered.Where(e => !sessions.ContainsKey(e.EvseId) && IsUsable(e)).Select(e => e.EvseId)];
            awaitingCount = awaiting.Count;
        }

        if (free.Count < 2)
        {
            return (free.Count == 1 ? free[0] : null, null);
        }

        // Outside the state lock: the reservation block has its own.
        int[] open = [.. free.Where(id => reservations.Check(id, token, decision.Info.GroupIdToken).Allowed)];
        if (open.Length < 2)
        {
            // One (or no) EVSE this driver may use: bind now; a reserved one gets its refusal from the caller.
            return (open.Length == 1 ? open[0] : free[0], null);
        }

        // As many drivers may wait as there are EVSEs for them; one more has nowhere to plug in.
        return awaitingCount < open.Length ? (null, open) : (null, null);
    }

    /// <summary>
    /// Lets the authorization wait for the first candidate EVSE an EV is plugged into, or returns <see langword="null"/>
    /// with <paramref name="pluggedMeanwhile"/> when an EV was plugged into a candidate after <see cref="ChooseEvse"/> looked:
    /// that EvConnected found no waiting authorization, so nothing else would ever bind this one.
    /// </summary>
    private SessionStartResult? Await(IdTokenType token, AuthorizationDecision decision, string origin, int[] candidates, TransactionLimitType? limit, out int? pluggedMeanwhile)
    {
        // The limit (e.g. the amount a payment terminal authorized, C18.FR.06) travels with the waiting authorization.
        var entry = new AwaitingAuthorization(token, decision, origin, time.GetUtcNow()) { Limit = limit };
        TimeSpan timeout;
        lock (state)
        {
            timeout = connectionTimeout;
            pluggedMeanwhile = null;
            foreach (var id in candidates)
            {
                if (evConnected.Contains(id) && !sessions.ContainsKey(id))
                {
                    pluggedMeanwhile = id;
                    return null;
                }
            }

            // E03 / C01.FR.26: the authorization ends when no EV is plugged in within EVConnectionTimeOut.
            entry.Timer = time.CreateTimer(_ => OnAwaitingTimeout(entry), null, timeout, Timeout.InfiniteTimeSpan);
            awaiting.Add(entry);
        }

        var list = string.Join(" or ", candidates.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        LogMessages.AuthorizationAwaitingEv(logger, token.IdToken, list, timeout.TotalSeconds);
        return new SessionStartResult(null, $"token {token.IdToken} authorized: plug in at EVSE {list} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s")
        {
            AwaitingEv = true,
        };
    }

    /// <summary>Removes an awaiting authorization; call with the state lock held.</summary>
    private void Withdraw(AwaitingAuthorization entry)
    {
        awaiting.Remove(entry);
        entry.Timer?.Dispose();
        entry.Timer = null;
    }

    private void OnAwaitingTimeout(AwaitingAuthorization entry)
    {
        TimeSpan timeout;
        lock (state)
        {
            if (!awaiting.Contains(entry))
            {
                return;
            }

            Withdraw(entry);
            timeout = connectionTimeout;
        }

        LogMessages.AwaitingAuthorizationExpired(logger, entry.Token.IdToken, timeout.TotalSeconds);
    }

    /// <summary>
    /// An EV was plugged into an EVSE without a session: the oldest authorization that waits for an EV and may use this
    /// EVSE (its evseId list, reservations) takes it. A plug into an EVSE that has its own session never takes one.
    /// </summary>
    private AwaitingAuthorization? TakeAwaitingFor(int evseId)
    {
        List<AwaitingAuthorization> candidates;
        lock (state)
        {
            if (sessions.ContainsKey(evseId) || awaiting.Count == 0)
            {
                return null;
            }

            candidates = [.. awaiting.Where(a => a.Decision.Info.EvseId is not { Length: > 0 } allowed || allowed.Contains(evseId))];
        }

        foreach (var candidate in candidates)
        {
            if (!reservations.Check(evseId, candidate.Token, candidate.Decision.Info.GroupIdToken).Allowed)
            {
                continue;
            }

            lock (state)
            {
                if (awaiting.Contains(candidate) && !sessions.ContainsKey(evseId))
                {
                    Withdraw(candidate);
                    return candidate;
                }
            }
        }

        return null;
    }

    private async Task BindAwaitingAsync(int evseId, AwaitingAuthorization entry)
    {
        try
        {
            var result = await StartAuthorizedAsync(entry.Token, entry.Decision, evseId, entry.Origin, null, CancellationToken.None, entry.AuthorizedAt, entry.Limit).ConfigureAwait(false);
            if (!result.Accepted)
            {
                LogMessages.AwaitingAuthorizationEnded(logger, entry.Token.IdToken, result.Reason);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.SessionCoordinatorFailed(logger, "authorization of " + entry.Token.IdToken + " on EVSE " + evseId.ToString(CultureInfo.InvariantCulture), ex);
        }
    }

    private static bool IsUsable(EvseController evse) =>
        evse.Snapshot.ConnectorStatus is ConnectorStatus.Available or ConnectorStatus.Occupied;

    private string? RefusalFor(int evseId)
    {
        var evse = evses[evseId];
        lock (state)
        {
            if (sessions.ContainsKey(evseId))
            {
                return $"EVSE {evseId} already has a session";
            }
        }

        return evse.Snapshot.ConnectorStatus switch
        {
            ConnectorStatus.Faulted => $"EVSE {evseId} is faulted",
            ConnectorStatus.Unavailable => $"EVSE {evseId} is unavailable (inoperative)",
            _ => null,
        };
    }

    private async Task<ChargingSession> OpenAsync(int evseId, IdTokenType token, string origin, CancellationToken cancellationToken)
    {
        var meterStart = await ReadRegisterAsync(evseId, cancellationToken).ConfigureAwait(false);
        var session = new ChargingSession(evseId, newTransactionId(), token.IdToken, origin, time.GetUtcNow(), meterStart) { Token = token };
        lock (state)
        {
            if (!evConnected.Contains(evseId))
            {
                // E03: an authorization given before the cable is plugged in expires after EVConnectionTimeOut.
                connectionTimers[evseId] = time.CreateTimer(_ => OnConnectionTimeout(evseId, session.TransactionId), null, connectionTimeout, Timeout.InfiniteTimeSpan);
            }
        }

        return session;
    }

    private async Task<double?> ReadRegisterAsync(int evseId, CancellationToken cancellationToken)
    {
        if (!meters.TryGetValue(evseId, out var meter))
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var reading = await meter.ReadAsync(linked.Token).ConfigureAwait(false);
            return reading.EnergyImportWh;
        }
        catch (Exception ex) when (ex is MeterReadException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogMessages.SessionMeterStartUnavailable(logger, evseId, ex);
            return null;
        }
    }

    private void OnConnectionTimeout(int evseId, string sessionId)
    {
        TimeSpan timeout;
        lock (state)
        {
            if (!sessions.TryGetValue(evseId, out var current) || current.TransactionId != sessionId || evConnected.Contains(evseId))
            {
                return;
            }

            timeout = connectionTimeout;
        }

        evses[evseId].Deauthorize();
        End(evseId, SessionEndReason.ConnectionTimeout, null, "no EV connected within " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
    }

    private bool End(int evseId, SessionEndReason reason, IdTokenType? stopToken, string detail)
    {
        ChargingSession? ended;
        lock (state)
        {
            if (!sessions.Remove(evseId, out ended))
            {
                return false;
            }

            if (connectionTimers.Remove(evseId, out var timer))
            {
                timer.Dispose();
            }
        }

        LogMessages.SessionEnded(logger, evseId, ended.TransactionId, detail);
        SessionEnded?.Invoke(this, ended with { EndReason = reason, StopToken = stopToken });
        return true;
    }

    private void OnEvseEvent(object? sender, EvseEvent e)
    {
        switch (e)
        {
            case EvConnected:
                bool startFreeVend;
                lock (state)
                {
                    evConnected.Add(e.EvseId);
                    if (connectionTimers.Remove(e.EvseId, out var timer))
                    {
                        timer.Dispose();
                    }
                }

                // E03: the first free EVSE plugged in after a tap is where that driver charges.
                var bound = TakeAwaitingFor(e.EvseId);
                lock (state)
                {
                    startFreeVend = bound is null && options.FreeVend && !sessions.ContainsKey(e.EvseId);
                }

                if (bound is not null)
                {
                    _ = BindAwaitingAsync(e.EvseId, bound);
                }
                else if (startFreeVend)
                {
                    _ = StartFreeVendAsync(e.EvseId);
                }

                break;
            case EvDisconnected:
                lock (state)
                {
                    evConnected.Remove(e.EvseId);
                    if (keepOnEvSideDisconnect && evses[e.EvseId].Snapshot.SessionAuthorized && sessions.TryGetValue(e.EvseId, out var kept))
                    {
                        // E10: the controller kept its authorization; the session waits for the EV (or the driver's token).
                        if (evses[e.EvseId].HasTetheredCable)
                        {
                            // E10.FR.02: a permanently attached cable not plugged in again within the timeout deauthorizes.
                            connectionTimers[e.EvseId] = time.CreateTimer(_ => OnConnectionTimeout(e.EvseId, kept.TransactionId), null, connectionTimeout, Timeout.InfiniteTimeSpan);
                        }

                        break;
                    }
                }

                // The controller ends its authorization on unplug itself; the session ends with it.
                End(e.EvseId, SessionEndReason.EvDisconnected, null, "EV unplugged");
                break;
            default:
                break;
        }
    }

    private async Task StartFreeVendAsync(int evseId)
    {
        try
        {
            var token = new IdTokenType { IdToken = options.FreeVendIdToken, Type = "NoAuthorization" };
            await StartAuthorizedAsync(token, AuthorizationDecision.Accept(AuthorizationSource.FreeVend), evseId, "free-vend", null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.SessionCoordinatorFailed(logger, "free vend on EVSE " + evseId.ToString(CultureInfo.InvariantCulture), ex);
        }
    }

    /// <summary>A token authorized before any EV was plugged in, not yet bound to an EVSE.</summary>
    private sealed class AwaitingAuthorization(IdTokenType token, AuthorizationDecision decision, string origin, DateTimeOffset authorizedAt)
    {
        public IdTokenType Token { get; } = token;

        public AuthorizationDecision Decision { get; } = decision;

        public string Origin { get; } = origin;

        public DateTimeOffset AuthorizedAt { get; } = authorizedAt;

        public TransactionLimitType? Limit { get; init; }

        public ITimer? Timer { get; set; }
    }
}
