using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.SmartCharging.Profiles;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.SmartCharging.External;

/// <summary>
/// Limits set locally by an external system (an EMS, a DSO ripple-control input) — K11-K13. Each source's limit becomes a
/// ChargingStationExternalConstraints profile (K11.FR.06) with an id at or below MaxExternalConstraintsId (K01.FR.82);
/// a change larger than LimitChangeSignificance is reported with NotifyChargingLimit (K11.FR.02-05, schedule included
/// when NotifyChargingLimitWithSchedules) and a release with ClearedChargingLimit (K13.FR.02).
/// </summary>
public sealed class ExternalChargingLimits
{
    private readonly ChargingProfileSet _profiles;
    private readonly CompositeScheduleService _composite;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IStationMessageSender? _sender;
    private StationDeviceModel? _model;

    /// <summary>Initializes a new instance of the <see cref="ExternalChargingLimits"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="composite">Composite (to measure how much a change matters).</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public ExternalChargingLimits(ChargingProfileSet profiles, CompositeScheduleService composite, TimeProvider time, ILogger logger)
    {
        _profiles = profiles;
        _composite = composite;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sets (or replaces) the limit of an external source.</summary>
    /// <param name="evseId">EVSE, or 0 for the whole station.</param>
    /// <param name="source">chargingLimitSource, e.g. <c>EMS</c>, <c>SO</c>, <c>Other</c> (not <c>CSO</c>).</param>
    /// <param name="schedule">The limit schedule (startSchedule absent = from now).</param>
    /// <param name="isGridCritical">Whether the limit is grid critical.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>False when ExternalControlSignalsEnabled is false or the EVSE is unknown (the limit is ignored).</returns>
    public Task<bool> SetAsync(int evseId, string source, ChargingScheduleType schedule, bool? isGridCritical, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(schedule);
        return InstallAsync(evseId, source, isGridCritical, now => (ChargingProfileKindEnumType.Absolute, schedule with { StartSchedule = schedule.StartSchedule ?? now }, null), cancellationToken);
    }

    /// <summary>
    /// Sets (or updates) a single-value limit of an external source (an EMS sending "16 A now", not a schedule). When the
    /// CSMS configured a Dynamic TxProfile or TxDefaultProfile with operationMode ExternalLimits for this EVSE, the value
    /// becomes the limit of that profile (K29.FR.03); otherwise it is represented as a Dynamic
    /// ChargingStationExternalConstraints profile with one period (K29.FR.04). An update changes the profile's limit and
    /// sets its dynUpdateTime to now (K29.FR.05/06).
    /// </summary>
    /// <param name="evseId">EVSE, or 0 for the whole station.</param>
    /// <param name="source">chargingLimitSource, e.g. <c>EMS</c>.</param>
    /// <param name="limit">The limit, in <paramref name="unit"/> (A per phase or W in total), ≥ 0.</param>
    /// <param name="unit">A or W.</param>
    /// <param name="isGridCritical">Whether the limit is grid critical.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>False when ExternalControlSignalsEnabled is false or the EVSE is unknown (the limit is ignored).</returns>
    public Task<bool> SetLimitAsync(int evseId, string source, decimal limit, ChargingRateUnitEnumType unit, bool? isGridCritical, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var represented = _profiles.All.Where(p => RepresentsExternalLimit(p, evseId)).ToList();
        if (represented.Count > 0)
        {
            return UpdateRepresentingAsync(evseId, source, limit, unit, isGridCritical, represented, cancellationToken);
        }

        var schedule = new ChargingScheduleType
        {
            Id = 1,
            ChargingRateUnit = unit,
            ChargingSchedulePeriod = [new ChargingSchedulePeriodType { StartPeriod = 0, Limit = limit }],
        };
        return InstallAsync(evseId, source, isGridCritical, now => (ChargingProfileKindEnumType.Dynamic, schedule, now), cancellationToken);
    }

    private async Task<bool> InstallAsync(
        int evseId,
        string source,
        bool? isGridCritical,
        Func<DateTimeOffset, (ChargingProfileKindEnumType Kind, ChargingScheduleType Schedule, DateTimeOffset? DynUpdateTime)> build,
        CancellationToken cancellationToken)
    {
        if (!_composite.IsKnown(evseId) || _model?.GetBool(DeviceModelCatalog.SmartChargingCtrlr, "ExternalControlSignalsEnabled", true) == false)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var before = _composite.Compute(evseId, now, TimeSpan.FromSeconds(1)).Segments[0].LimitA();
        var existing = _profiles.All.FirstOrDefault(p => IsExternal(p, evseId, source));
        var (kind, schedule, dynUpdateTime) = build(now);
        var profile = new ChargingProfileType
        {
            Id = existing?.Id ?? NextId(),
            StackLevel = 0,
            ChargingProfilePurpose = ChargingProfilePurposeEnumType.ChargingStationExternalConstraints,
            ChargingProfileKind = kind,
            DynUpdateTime = dynUpdateTime,
            ChargingSchedule = [schedule],
        };
        _profiles.Install(new InstalledChargingProfile(evseId, profile, source, now));
        await NotifyIfSignificantAsync(evseId, source, isGridCritical, before, now, profile.ChargingSchedule, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // K29.FR.03: the CSMS's Dynamic Tx/TxDefault profile with operationMode ExternalLimits carries the external limit.
    private static bool RepresentsExternalLimit(InstalledChargingProfile p, int evseId) =>
        p.EvseId == evseId
        && p.Profile.ChargingProfilePurpose is ChargingProfilePurposeEnumType.TxProfile or ChargingProfilePurposeEnumType.TxDefaultProfile
        && p.Profile.ChargingProfileKind == ChargingProfileKindEnumType.Dynamic
        && p.Profile.ChargingSchedule is [{ ChargingSchedulePeriod: [{ OperationMode: OperationModeEnumType.ExternalLimits }] }];

    private async Task<bool> UpdateRepresentingAsync(int evseId, string source, decimal limit, ChargingRateUnitEnumType unit, bool? isGridCritical, List<InstalledChargingProfile> represented, CancellationToken cancellationToken)
    {
        if (!_composite.IsKnown(evseId) || _model?.GetBool(DeviceModelCatalog.SmartChargingCtrlr, "ExternalControlSignalsEnabled", true) == false)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var before = _composite.Compute(evseId, now, TimeSpan.FromSeconds(1)).Segments[0].LimitA();
        ChargingScheduleType[]? reported = null;
        foreach (var installed in represented)
        {
            // K29.FR.05/06: the limit changes in place (same id, same purpose and stackLevel) and dynUpdateTime is now.
            var schedule = installed.Profile.ChargingSchedule![0];
            var period = schedule.ChargingSchedulePeriod[0] with { Limit = limit };
            var profile = installed.Profile with { DynUpdateTime = now, ChargingSchedule = [schedule with { ChargingRateUnit = unit, ChargingSchedulePeriod = [period] }] };
            _profiles.Install(installed with { Profile = profile });
            reported ??= profile.ChargingSchedule;
        }

        await NotifyIfSignificantAsync(evseId, source, isGridCritical, before, now, reported, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task NotifyIfSignificantAsync(int evseId, string source, bool? isGridCritical, double before, DateTimeOffset now, ChargingScheduleType[]? schedule, CancellationToken cancellationToken)
    {
        var after = _composite.Compute(evseId, now, TimeSpan.FromSeconds(1)).Segments[0].LimitA();
        if (Significant(before, after))
        {
            var withSchedule = _model?.GetBool(DeviceModelCatalog.SmartChargingCtrlr, "NotifyChargingLimitWithSchedules", false) == true;
            var notify = new NotifyChargingLimitRequest
            {
                EvseId = evseId,
                ChargingLimit = new ChargingLimitType { ChargingLimitSource = source, IsGridCritical = isGridCritical },
                ChargingSchedule = withSchedule ? schedule : null,
            };
            await SendAsync<NotifyChargingLimitRequest, NotifyChargingLimitResponse>(notify, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the limit of an external source (K13).</summary>
    /// <param name="evseId">EVSE, or 0.</param>
    /// <param name="source">chargingLimitSource.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>False when that source had no limit.</returns>
    public async Task<bool> ClearAsync(int evseId, string source, CancellationToken cancellationToken)
    {
        var removed = _profiles.Remove(p => IsExternal(p, evseId, source));
        if (removed.Count == 0)
        {
            return false;
        }

        var cleared = new ClearedChargingLimitRequest { ChargingLimitSource = source, EvseId = evseId == 0 ? null : evseId };
        await SendAsync<ClearedChargingLimitRequest, ClearedChargingLimitResponse>(cleared, cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal void Bind(IStationMessageSender sender, StationDeviceModel model)
    {
        _sender = sender;
        _model = model;
    }

    private static bool IsExternal(InstalledChargingProfile p, int evseId, string source) =>
        p.EvseId == evseId && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.ChargingStationExternalConstraints
        && string.Equals(p.ChargingLimitSource, source, StringComparison.Ordinal);

    private bool Significant(double before, double after)
    {
        // K11.FR.03/04: only changes beyond LimitChangeSignificance (percent) are reported.
        var threshold = _model is { } model && decimal.TryParse(model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "LimitChangeSignificance")), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var pct) ? (double)pct : 1.0;
        var reference = Math.Max(Math.Abs(before), 0.1);
        return Math.Abs(after - before) * 100.0 / reference > threshold;
    }

    // K01.FR.82: station-made ids are at or below MaxExternalConstraintsId; count down from it to the first free one.
    private int NextId()
    {
        var top = _model?.GetInt(DeviceModelCatalog.SmartChargingCtrlr, "MaxExternalConstraintsId", 0) ?? 0;
        var used = _profiles.All.Select(p => p.Id).ToHashSet();
        var id = top;
        while (used.Contains(id))
        {
            id--;
        }

        return id;
    }

    private async Task SendAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
    {
        if (_sender is not { } sender)
        {
            return;
        }

        try
        {
            await sender.CallAsync<TRequest, TResponse>(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The limit applies regardless; only the report to the CSMS was lost (offline or refused).
            SmartChargingLog.Failed(_logger, typeof(TRequest).Name, ex);
        }
    }
}
