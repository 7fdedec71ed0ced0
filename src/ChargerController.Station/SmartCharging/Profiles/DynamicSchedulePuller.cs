using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.Handlers;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>
/// K28.FR.10: for a Dynamic profile with dynUpdateInterval the station asks the CSMS for the next value with
/// PullDynamicScheduleUpdate every interval after the last update, and applies the answer (K28.FR.09).
/// </summary>
internal sealed class DynamicSchedulePuller : IDisposable
{
    private readonly ChargingProfileSet _profiles;
    private readonly IStationMessageSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Dictionary<int, DateTimeOffset> _lastAttempt = [];
    private readonly Lock _gate = new();

    public DynamicSchedulePuller(ChargingProfileSet profiles, IStationMessageSender sender, TimeProvider time, ILogger logger)
    {
        _profiles = profiles;
        _sender = sender;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => _ = PullDueSafelyAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        profiles.Changed += (_, _) => Arm();
        Arm();
    }

    public void Dispose() => _timer.Dispose();

    private DateTimeOffset? DueAt(InstalledChargingProfile p)
    {
        if (p.Profile.ChargingProfileKind != ChargingProfileKindEnumType.Dynamic || p.Profile.DynUpdateInterval is not { } interval || interval <= 0)
        {
            return null;
        }

        var last = p.Profile.DynUpdateTime ?? p.InstalledAt;
        if (_lastAttempt.TryGetValue(p.Id, out var attempt) && attempt > last)
        {
            last = attempt;
        }

        return last.AddSeconds(interval);
    }

    private void Arm()
    {
        lock (_gate)
        {
            var next = _profiles.All.Select(DueAt).Where(d => d is not null).Min();
            var due = next is { } at ? at - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            _timer.Change(next is null ? Timeout.InfiniteTimeSpan : (due > TimeSpan.Zero ? due : TimeSpan.Zero), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PullDueSafelyAsync()
    {
        try
        {
            await PullDueAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SmartChargingLog.Failed(_logger, "dynamic schedule pull", ex);
        }
    }

    private async Task PullDueAsync()
    {
        var now = _time.GetUtcNow();
        List<int> due;
        lock (_gate)
        {
            due = [.. _profiles.All.Where(p => DueAt(p) is { } at && at <= now).Select(p => p.Id)];
            foreach (var id in due)
            {
                _lastAttempt[id] = now;
            }
        }

        foreach (var id in due)
        {
            try
            {
                var answer = await _sender.CallAsync<PullDynamicScheduleUpdateRequest, PullDynamicScheduleUpdateResponse>(
                    new PullDynamicScheduleUpdateRequest { ChargingProfileId = id }, CancellationToken.None).ConfigureAwait(false);
                if (answer.Status == ChargingProfileStatusEnumType.Accepted && answer.ScheduleUpdate is { } update)
                {
                    DynamicScheduleUpdates.TryApply(_profiles, id, update, _time.GetUtcNow(), out _);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                SmartChargingLog.Failed(_logger, "PullDynamicScheduleUpdate", ex);
            }
        }

        Arm();
    }
}
