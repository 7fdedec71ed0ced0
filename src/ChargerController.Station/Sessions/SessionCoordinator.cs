using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Sessions;

/// <summary>
/// Turns card reads, remote starts and free vend into <see cref="EvseController.Authorize"/> on the EVSE that should
/// get it, and ends sessions on unplug or stop. Choice of EVSE for a card: the one with an EV plugged in and no session,
/// else the first available one ("authorization first", which then waits <see cref="SessionCoordinatorOptions.ConnectionTimeout"/>
/// for the EV). Knows nothing of OCPP: the transaction layer subscribes to <see cref="SessionStarted"/> / <see cref="SessionEnded"/>.
/// </summary>
public sealed class SessionCoordinator : IDisposable
{
    private readonly Dictionary<int, EvseController> evses;
    private readonly IReadOnlyDictionary<int, IEnergyMeter> meters;
    private readonly ITokenAuthorizer authorizer;
    private readonly SessionCoordinatorOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private readonly Lock state = new();
    private readonly Dictionary<int, ChargingSession> sessions = [];
    private readonly Dictionary<int, ITimer> connectionTimers = [];
    private readonly HashSet<int> evConnected = [];
    private readonly Func<string> newTransactionId;

    /// <summary>Creates the coordinator and subscribes to the EVSEs' events.</summary>
    /// <param name="evses">The station's EVSE controllers.</param>
    /// <param name="meters">Each EVSE's meter by evseId (EVSEs without one are absent).</param>
    /// <param name="authorizer">Decides which tokens may charge.</param>
    /// <param name="options">Session options.</param>
    /// <param name="timeProvider">Clock for timestamps and the connection timeout.</param>
    /// <param name="logger">Logger, or <see langword="null"/>.</param>
    /// <param name="transactionIds">Generates transaction ids; <see langword="null"/> for random UUIDs.</param>
    public SessionCoordinator(
        IEnumerable<EvseController> evses,
        IReadOnlyDictionary<int, IEnergyMeter> meters,
        ITokenAuthorizer authorizer,
        SessionCoordinatorOptions options,
        TimeProvider timeProvider,
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
    /// A card was presented. The same token as a running session stops that session (local stop by the starting card);
    /// otherwise it is authorized and given to the EVSE that should get it.
    /// </summary>
    /// <param name="idToken">The token.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public async Task<SessionStartResult> PresentCardAsync(string idToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idToken);
        ChargingSession? own;
        lock (state)
        {
            own = sessions.Values.FirstOrDefault(s => string.Equals(s.IdToken, idToken, StringComparison.OrdinalIgnoreCase));
        }

        if (own is not null)
        {
            Stop(own.EvseId, "stopped by the same card");
            return new SessionStartResult(null, $"session on EVSE {own.EvseId} stopped by the same card");
        }

        return await StartCoreAsync(idToken, null, "card", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a session on a given EVSE (RequestStartTransaction, <c>chargerctl evse start</c>).</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="idToken">The token.</param>
    /// <param name="cancellationToken">Cancels the authorization.</param>
    /// <returns>What happened.</returns>
    public Task<SessionStartResult> RemoteStartAsync(int evseId, string idToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idToken);
        return StartCoreAsync(idToken, evseId, "remote", cancellationToken);
    }

    /// <summary>Ends the session of an EVSE: the controller withdraws the PWM and opens the contactor after the soft stop.</summary>
    /// <param name="evseId">The evseId.</param>
    /// <param name="reason">Why, for the log.</param>
    /// <returns><see langword="false"/> when the EVSE has no session.</returns>
    public bool Stop(int evseId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!evses.TryGetValue(evseId, out var evse))
        {
            return false;
        }

        evse.RequestStop();
        return End(evseId, reason);
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
        }

        startGate.Dispose();
    }

    private async Task<SessionStartResult> StartCoreAsync(string idToken, int? evseId, string origin, CancellationToken cancellationToken)
    {
        if (evseId is { } requested && !evses.ContainsKey(requested))
        {
            return new SessionStartResult(null, $"no EVSE {requested}");
        }

        var decision = await authorizer.AuthorizeAsync(idToken, cancellationToken).ConfigureAwait(false);
        if (!decision.Accepted)
        {
            LogMessages.TokenRejected(logger, idToken, decision.Reason);
            return new SessionStartResult(null, $"token {idToken} not authorized: {decision.Reason}");
        }

        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var target = evseId ?? ChooseEvse();
            if (target is not { } id)
            {
                return new SessionStartResult(null, "no EVSE is free for a new session");
            }

            var refusal = RefusalFor(id);
            if (refusal is not null)
            {
                return new SessionStartResult(null, refusal);
            }

            var session = await OpenAsync(id, idToken, origin, cancellationToken).ConfigureAwait(false);
            return new SessionStartResult(session, $"EVSE {id}: session authorized for {idToken}");
        }
        finally
        {
            startGate.Release();
        }
    }

    private int? ChooseEvse()
    {
        lock (state)
        {
            var ordered = evses.Values.OrderBy(e => e.EvseId).ToList();
            var waiting = ordered.FirstOrDefault(e => evConnected.Contains(e.EvseId) && !sessions.ContainsKey(e.EvseId) && IsUsable(e));
            return (waiting ?? ordered.FirstOrDefault(e => !sessions.ContainsKey(e.EvseId) && IsUsable(e)))?.EvseId;
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

    private async Task<ChargingSession> OpenAsync(int evseId, string idToken, string origin, CancellationToken cancellationToken)
    {
        var meterStart = await ReadRegisterAsync(evseId, cancellationToken).ConfigureAwait(false);
        var session = new ChargingSession(evseId, newTransactionId(), idToken, origin, time.GetUtcNow(), meterStart);
        bool waitForEv;
        lock (state)
        {
            sessions[evseId] = session;
            waitForEv = !evConnected.Contains(evseId);
            if (waitForEv)
            {
                // E03: an authorization given before the cable is plugged in expires after EVConnectionTimeOut.
                connectionTimers[evseId] = time.CreateTimer(_ => OnConnectionTimeout(session), null, options.ConnectionTimeout, Timeout.InfiniteTimeSpan);
            }
        }

        evses[evseId].Authorize();
        LogMessages.SessionAuthorized(logger, evseId, session.TransactionId, idToken, origin);
        SessionStarted?.Invoke(this, session);
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

    private void OnConnectionTimeout(ChargingSession session)
    {
        lock (state)
        {
            if (!sessions.TryGetValue(session.EvseId, out var current) || current != session || evConnected.Contains(session.EvseId))
            {
                return;
            }
        }

        evses[session.EvseId].Deauthorize();
        End(session.EvseId, "no EV connected within " + options.ConnectionTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
    }

    private bool End(int evseId, string reason)
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

        LogMessages.SessionEnded(logger, evseId, ended.TransactionId, reason);
        SessionEnded?.Invoke(this, ended);
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

                    startFreeVend = options.FreeVend && !sessions.ContainsKey(e.EvseId);
                }

                if (startFreeVend)
                {
                    _ = StartFreeVendAsync(e.EvseId);
                }

                break;
            case EvDisconnected:
                lock (state)
                {
                    evConnected.Remove(e.EvseId);
                }

                // The controller ends its authorization on unplug itself; the session ends with it.
                End(e.EvseId, "EV unplugged");
                break;
            default:
                break;
        }
    }

    private async Task StartFreeVendAsync(int evseId)
    {
        try
        {
            await StartCoreAsync(options.FreeVendIdToken, evseId, "free-vend", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.SessionCoordinatorFailed(logger, "free vend on EVSE " + evseId.ToString(CultureInfo.InvariantCulture), ex);
        }
    }
}
