using ChargerController.Station.SmartCharging.Composite;
using ChargerController.Station.SmartCharging.LocalTime;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.SmartCharging.Randomization;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>Builds the <see cref="CompositeScheduleInput"/> of an EVSE or of the station from the live state and computes its composite.</summary>
public sealed class CompositeScheduleService
{
    private readonly ChargingProfileSet _profiles;
    private readonly SmartChargingState _state;
    private readonly SmartChargingOptions _options;
    private readonly RandomizedDelayPlan? _delays;
    private readonly StationLocalTime? _localTime;

    /// <summary>Initializes a new instance of the <see cref="CompositeScheduleService"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="state">Per-EVSE state.</param>
    /// <param name="options">Configuration.</param>
    /// <param name="delays">Random delays of the running transactions (K01.FR.93); null = none.</param>
    /// <param name="localTime">Local time for useLocalTime schedules (K01.FR.90); null = UTC.</param>
    public CompositeScheduleService(ChargingProfileSet profiles, SmartChargingState state, SmartChargingOptions options, RandomizedDelayPlan? delays = null, StationLocalTime? localTime = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        _profiles = profiles;
        _state = state;
        _options = options;
        _delays = delays;
        _localTime = localTime;
    }

    /// <summary>Gets the configuration.</summary>
    public SmartChargingOptions Options => _options;

    /// <summary>Whether <paramref name="evseId"/> is 0 or a configured EVSE.</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <returns>True when known.</returns>
    public bool IsKnown(int evseId) => evseId == 0 || _options.Evse(evseId) is not null;

    /// <summary>Computes the composite of an EVSE (or the station for 0) from <paramref name="start"/>.</summary>
    /// <param name="evseId">EVSE id (known).</param>
    /// <param name="start">Window start.</param>
    /// <param name="duration">Window length.</param>
    /// <returns>The composite.</returns>
    public CompositeSchedule Compute(int evseId, DateTimeOffset start, TimeSpan duration) =>
        CompositeScheduleCalculator.Compute(_profiles.All, InputFor(evseId, start, duration));

    /// <summary>The calculator input for an EVSE (K08.FR.06: an idle EVSE is computed as if a transaction started now).</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <param name="start">Window start.</param>
    /// <param name="duration">Window length.</param>
    /// <returns>The input.</returns>
    public CompositeScheduleInput InputFor(int evseId, DateTimeOffset start, TimeSpan duration)
    {
        if (evseId == 0)
        {
            return new CompositeScheduleInput
            {
                Start = start,
                Duration = duration,
                EvseId = 0,
                NominalVoltageV = _options.NominalVoltageV,
                SupplyPhases = _options.Evses.Count == 0 ? 3 : _options.Evses.Max(e => e.SupplyPhases),
                MaxCurrentA = _options.StationMaximumA(),
                OfflineSince = _state.OfflineSince,
                LocalTime = _localTime?.Rules ?? LocalTimeRules.Utc,
            };
        }

        var evse = _options.Evse(evseId) ?? throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "Unknown EVSE.");
        var transactionId = _state.TransactionId(evseId);
        var delays = _delays;
        return new CompositeScheduleInput
        {
            Start = start,
            Duration = duration,
            EvseId = evseId,
            TransactionId = transactionId,
            RelativeStart = _state.TransactionStart(evseId),
            PriorityChargingActive = _state.IsPriorityActive(evseId),
            NominalVoltageV = _options.NominalVoltageV,
            SupplyPhases = evse.SupplyPhases,
            MaxCurrentA = evse.MaxCurrentA,
            OfflineSince = _state.OfflineSince,
            PeriodDelays = transactionId is not null && delays is not null ? profile => delays.DelaysFor(transactionId, profile) : null,
            LocalTime = _localTime?.Rules ?? LocalTimeRules.Utc,
        };
    }
}
