using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Availability;

/// <summary>
/// Reports connector status with StatusNotification: every connector after boot (B01.FR.05), each change while
/// online (G01), and after an offline period all connectors when it lasted longer than <c>OfflineThreshold</c>, else
/// only those whose status differs from what the CSMS last heard (B04.FR.01/02).
/// </summary>
public sealed class StatusNotificationReporter : IDisposable
{
    private readonly IStationMessageSender _sender;
    private readonly AvailabilityManager _availability;
    private readonly IConnectorStatusSource _connectors;
    private readonly StationDeviceModel _model;
    private readonly TimeProvider _time;
    private readonly Dictionary<ConnectorLocation, ConnectorStatusEnumType> _lastReported = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Dictionary<ConnectorLocation, (ConnectorStatusEnumType Status, DateTimeOffset Since)> _observed = [];
    private readonly Lock _observedGate = new();
    private readonly HashSet<int> _resetting = [];
    private readonly Lock _resettingGate = new();
    private DateTimeOffset? _offlineSince;

    /// <summary>Initializes a new instance of the <see cref="StatusNotificationReporter"/> class.</summary>
    /// <param name="sender">Boot-gated sender.</param>
    /// <param name="availability">Effective status.</param>
    /// <param name="connectors">Physical connectors.</param>
    /// <param name="model">Device model (OfflineThreshold, AvailabilityState).</param>
    /// <param name="time">Clock.</param>
    public StatusNotificationReporter(IStationMessageSender sender, AvailabilityManager availability, IConnectorStatusSource connectors, StationDeviceModel model, TimeProvider time)
    {
        _sender = sender;
        _availability = availability;
        _connectors = connectors;
        _model = model;
        _time = time;
    }

    /// <summary>Reports every connector (after BootNotification Accepted).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public Task ReportAllAsync(CancellationToken cancellationToken) => ReportAsync(onlyChanged: false, requested: false, cancellationToken);

    /// <summary>
    /// Reports connectors whose status differs from the last report. With <c>MinimumStatusDuration</c> &gt; 0 the report
    /// waits that long and only covers connectors whose status stayed the same meanwhile, so shorter states are never
    /// reported (the next change schedules its own check).
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task ReportChangesAsync(CancellationToken cancellationToken)
    {
        var minimum = TimeSpan.FromSeconds(_model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MinimumStatusDuration", 0));
        if (minimum <= TimeSpan.Zero)
        {
            await ReportAsync(onlyChanged: true, requested: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        NoteObservedStatus();
        await Task.Delay(minimum, _time, cancellationToken).ConfigureAwait(false);
        await ReportAsync(onlyChanged: true, requested: false, cancellationToken, stableFor: minimum).ConfigureAwait(false);
    }

    /// <summary>Reports one connector now (TriggerMessage StatusNotification, F06.FR.12).</summary>
    /// <param name="connector">The connector.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task ReportOneAsync(ConnectorLocation connector, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendAsync(connector, StatusOf(connector), requested: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// B11.FR.08: from now until <see cref="EndEvseReset"/> the connectors of this EVSE are reported Unavailable, whatever
    /// the EVSE's own status says in between (it still shows its old status until its loop takes the reset, and a reset
    /// can be shorter than a change-driven report's latency). Call <see cref="ReportChangesAsync"/> after each call.
    /// </summary>
    /// <param name="evseId">The EVSE about to be reset.</param>
    public void BeginEvseReset(int evseId)
    {
        lock (_resettingGate)
        {
            _resetting.Add(evseId);
        }
    }

    /// <summary>The EVSE is back in service: its connectors report their own status again.</summary>
    /// <param name="evseId">The EVSE.</param>
    public void EndEvseReset(int evseId)
    {
        lock (_resettingGate)
        {
            _resetting.Remove(evseId);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _sendLock.Dispose();

    /// <summary>Notes that the connection went down (start of an offline period).</summary>
    public void MarkOffline() => _offlineSince ??= _time.GetUtcNow();

    /// <summary>Reports after a reconnect per B04.FR.01/02.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public Task ReportAfterReconnectAsync(CancellationToken cancellationToken)
    {
        var since = _offlineSince;
        _offlineSince = null;
        var threshold = TimeSpan.FromSeconds(_model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "OfflineThreshold", 300));
        var longOffline = since is { } start && _time.GetUtcNow() - start > threshold;
        return ReportAsync(onlyChanged: !longOffline, requested: false, cancellationToken);
    }

    private ConnectorStatusEnumType StatusOf(ConnectorLocation connector)
    {
        lock (_resettingGate)
        {
            if (_resetting.Contains(connector.EvseId))
            {
                return ConnectorStatusEnumType.Unavailable;
            }
        }

        return _availability.EffectiveStatus(connector);
    }

    private void NoteObservedStatus()
    {
        var now = _time.GetUtcNow();
        lock (_observedGate)
        {
            foreach (var connector in _connectors.Connectors)
            {
                var status = StatusOf(connector);
                if (!_observed.TryGetValue(connector, out var seen) || seen.Status != status)
                {
                    _observed[connector] = (status, now);
                }
            }
        }
    }

    private bool StableFor(ConnectorLocation connector, ConnectorStatusEnumType status, TimeSpan minimum)
    {
        lock (_observedGate)
        {
            // A status never observed through a change (e.g. unchanged since boot) counts as stable.
            return !_observed.TryGetValue(connector, out var seen) || (seen.Status == status && _time.GetUtcNow() - seen.Since >= minimum);
        }
    }

    private async Task ReportAsync(bool onlyChanged, bool requested, CancellationToken cancellationToken, TimeSpan stableFor = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var connector in _connectors.Connectors)
            {
                var status = StatusOf(connector);
                if (stableFor > TimeSpan.Zero && !StableFor(connector, status, stableFor))
                {
                    // MinimumStatusDuration: not stable long enough (yet); a pending check of the later change reports it.
                    continue;
                }

                _model.SetByStation(new VariableKey(DeviceModelCatalog.Connector, null, connector.EvseId, connector.ConnectorId, "AvailabilityState", null), status.ToString());
                if (onlyChanged && _lastReported.TryGetValue(connector, out var last) && last == status)
                {
                    continue;
                }

                await SendAsync(connector, status, requested, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendAsync(ConnectorLocation connector, ConnectorStatusEnumType status, bool requested, CancellationToken cancellationToken)
    {
        var request = new StatusNotificationRequest
        {
            Timestamp = _time.GetUtcNow(),
            ConnectorStatus = status,
            EvseId = connector.EvseId,
            ConnectorId = connector.ConnectorId,
        };
        _ = requested
            ? await _sender.CallRequestedAsync<StatusNotificationRequest, StatusNotificationResponse>(request, cancellationToken).ConfigureAwait(false)
            : await _sender.CallAsync<StatusNotificationRequest, StatusNotificationResponse>(request, cancellationToken).ConfigureAwait(false);
        _lastReported[connector] = status;
    }
}
