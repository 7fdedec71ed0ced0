using ChargerController.Station.SmartCharging.Composite;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Limits;

/// <summary>Builds the <see cref="CompositeScheduleInput"/> of an EVSE or of the station from the live state and computes its composite.</summary>
public sealed class CompositeScheduleService
{
    private readonly ChargingProfileSet _profiles;
    private readonly SmartChargingState _state;
    private readonly SmartChargingOptions _options;

    /// <summary>Initializes a new instance of the <see cref="CompositeScheduleService"/> class.</summary>
    /// <param name="profiles">Installed profiles.</param>
    /// <param name="state">Per-EVSE state.</param>
    /// <param name="options">Configuration.</param>
    public CompositeScheduleService(ChargingProfileSet profiles, SmartChargingState state, SmartChargingOptions options)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        _profiles = profiles;
        _state = state;
        _options = options;
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
            };
        }

        var evse = _options.Evse(evseId) ?? throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "Unknown EVSE.");
        return new CompositeScheduleInput
        {
            Start = start,
            Duration = duration,
            EvseId = evseId,
            TransactionId = _state.TransactionId(evseId),
            RelativeStart = _state.TransactionStart(evseId),
            PriorityChargingActive = _state.IsPriorityActive(evseId),
            NominalVoltageV = _options.NominalVoltageV,
            SupplyPhases = evse.SupplyPhases,
            MaxCurrentA = evse.MaxCurrentA,
            OfflineSince = _state.OfflineSince,
        };
    }
}
