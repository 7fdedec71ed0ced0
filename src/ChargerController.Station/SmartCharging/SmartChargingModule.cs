using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.External;
using ChargerController.Station.SmartCharging.Handlers;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.SmartCharging.LocalTime;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.SmartCharging.Randomization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.SmartCharging;

/// <summary>
/// OCPP block K on this station: the profile store, the CSMS handlers (SetChargingProfile, GetChargingProfiles,
/// ClearChargingProfile, GetCompositeSchedule, UsePriorityCharging, UpdateDynamicSchedule), external limits
/// (NotifyChargingLimit / ClearedChargingLimit), K05 installation for RequestStartTransaction, and the per-EVSE current
/// limits that drive the pilot through <see cref="ChargingLimitController"/>.
/// </summary>
public sealed class SmartChargingModule : IStationModule, IChargingProfileInstaller, IDisposable
{
    private readonly SmartChargingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChargingProfileValidator _validator;
    private StationDeviceModel? _model;
    private IStationMessageSender? _sender;
    private DynamicSchedulePuller? _puller;

    /// <summary>Initializes a new instance of the <see cref="SmartChargingModule"/> class and loads the stored profiles.</summary>
    /// <param name="options">Configuration.</param>
    /// <param name="store">Profile persistence.</param>
    /// <param name="transactions">The transaction layer (TxProfile matching, transaction start for Relative schedules).</param>
    /// <param name="time">Clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="randomDelays">Random source of randomizedDelay (K01.FR.92); null = <see cref="SystemRandomDelaySource"/>.</param>
    /// <param name="resolveTimeZone">Finds a ClockCtrlr.TimeZone by IANA id; null = the system's tz database.</param>
    public SmartChargingModule(SmartChargingOptions options, IChargingProfileStore store, IStationTransactions transactions, TimeProvider time, ILoggerFactory? loggerFactory = null, IRandomDelaySource? randomDelays = null, Func<string, TimeZoneInfo?>? resolveTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(time);
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        _options = options;
        _time = time;
        _logger = logs.CreateLogger<SmartChargingModule>();
        Profiles = new ChargingProfileSet(store);
        State = new SmartChargingState(transactions, time);
        Delays = new RandomizedDelayPlan(randomDelays ?? new SystemRandomDelaySource());
        LocalTime = new StationLocalTime(resolveTimeZone);
        Composite = new CompositeScheduleService(Profiles, State, options, Delays, LocalTime);
        _validator = new ChargingProfileValidator(options, Profiles, transactions);
        Limits = new ChargingLimitController(Composite, Profiles, State, time, logs.CreateLogger<ChargingLimitController>());
        External = new ExternalChargingLimits(Profiles, Composite, time, _logger);

        // K02.FR.05: a TxProfile ends with its transaction.
        transactions.TransactionEnded += (_, evseId) => RemoveEndedTxProfiles(evseId);

        // K01.FR.93: the random delays are fixed at the start of the transaction (a profile arriving later draws on arrival).
        transactions.TransactionStarted += (_, evseId) => DrawDelays(evseId);
        transactions.TransactionEnded += (_, _) => Delays.KeepOnly([.. _options.Evses.Select(e => State.TransactionId(e.EvseId)).OfType<string>()]);
        Limits.OfflineExpired += (_, offline) => DropLapsedAfterOffline(offline.Since, offline.Until);

        // K01.FR.110: a new period of the transaction's profile with another operationMode is reported in a TransactionEvent.
        Limits.OperationModeChanged += (_, change) => _ = ReportOperationModeAsync(transactions, change);
    }

    /// <summary>Gets the installed profiles.</summary>
    public ChargingProfileSet Profiles { get; }

    /// <summary>Gets the per-EVSE state.</summary>
    public SmartChargingState State { get; }

    /// <summary>Gets the composite schedule service.</summary>
    public CompositeScheduleService Composite { get; }

    /// <summary>Gets the per-EVSE current limits and the load balancer.</summary>
    public ChargingLimitController Limits { get; }

    /// <summary>Gets the random delays drawn for the running transactions (randomizedDelay, K01.FR.92/93).</summary>
    public RandomizedDelayPlan Delays { get; }

    /// <summary>Gets the station's local time for useLocalTime schedules (K01.FR.90/91).</summary>
    public StationLocalTime LocalTime { get; }

    /// <summary>Gets the external (EMS) limits API.</summary>
    public ExternalChargingLimits External { get; }

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _model = context.DeviceModel;
        _sender = context.Sender;
        External.Bind(context.Sender, context.DeviceModel);
        context.DeviceModel.SetByStation(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "Phases3to1"), _options.Evses.Any(e => e.SupportsPhaseSwitching) ? "true" : "false");
        PublishSupport(context.DeviceModel);
        LocalTime.Bind(context.DeviceModel);
        ReportLocalTime();
        LocalTime.Changed += (_, _) =>
        {
            ReportLocalTime();
            Limits.Recompute();
        };
        UpdateEntries();
        Profiles.Changed += (_, _) => UpdateEntries();

        context.Register(new SetChargingProfileHandler(_validator, Profiles, ReadSettings, _time, new ProfileWriteRateLimiter(_options, _time)));
        context.Register(new GetChargingProfilesHandler(Profiles, context.Sender, _options.ProfilesPerReport));
        context.Register(new ClearChargingProfileHandler(Profiles));
        context.Register(new GetCompositeScheduleHandler(Composite, UnitSupported, _time));
        context.Register(new UsePriorityChargingHandler(Profiles, State, _options, context.Sender));
        context.Register(new UpdateDynamicScheduleHandler(Profiles, _time));
        _puller = new DynamicSchedulePuller(Profiles, context.Sender, _time, _logger);

        var status = context.Status;
        Limits.FollowConnection(() => status.IsConnected);
        Limits.Recompute();
    }

    /// <summary>
    /// The driver asks for priority charging at the station (K22, e.g. a button): the PriorityCharging profile replaces
    /// Tx/TxDefault for the running transaction, and the CSMS is told with NotifyPriorityCharging.
    /// </summary>
    /// <param name="evseId">EVSE.</param>
    /// <param name="activate">On or off.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>False when no transaction runs there or (to activate) no PriorityCharging profile applies.</returns>
    public async Task<bool> SetPriorityChargingLocallyAsync(int evseId, bool activate, CancellationToken cancellationToken)
    {
        if (State.TransactionId(evseId) is not { } transactionId)
        {
            return false;
        }

        if (activate && !Profiles.All.Any(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.PriorityCharging && (p.EvseId == 0 || p.EvseId == evseId)))
        {
            return false;
        }

        State.SetPriority(evseId, activate);
        if (_sender is { } sender)
        {
            try
            {
                var notify = new NotifyPriorityChargingRequest { TransactionId = transactionId, Activated = activate };
                await sender.CallAsync<NotifyPriorityChargingRequest, NotifyPriorityChargingResponse>(notify, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                SmartChargingLog.Failed(_logger, nameof(NotifyPriorityChargingRequest), ex);
            }
        }

        return true;
    }

    /// <summary>Gets a value indicating whether smart charging is switched on (SmartChargingCtrlr.Enabled; on until attached).</summary>
    public bool Enabled => _model?.GetBool(DeviceModelCatalog.SmartChargingCtrlr, "Enabled", true) ?? true;

    /// <inheritdoc/>
    public string? Validate(int evseId, ChargingProfileType profile)
    {
        ArgumentNullException.ThrowIfNull(profile);

        // K05.FR.04 / F01.FR.12: with smart charging switched off the profile is ignored, so it cannot refuse the start.
        if (!Enabled)
        {
            return null;
        }

        return _validator.Validate(evseId, profile, ProfileValidationMode.RequestStartTransaction, ReadSettings())?.ReasonCode;
    }

    /// <inheritdoc/>
    public ValueTask InstallForTransactionAsync(int evseId, string transactionId, ChargingProfileType profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        if (!Enabled)
        {
            // K05.FR.04: ignored, not stored.
            SmartChargingLog.ProfileRemoved(_logger, profile.Id, "smart charging disabled (K05.FR.04)");
            return ValueTask.CompletedTask;
        }

        Profiles.Install(new InstalledChargingProfile(evseId, LocalTimeProfiles.Normalize(profile) with { TransactionId = transactionId }, InstalledChargingProfile.CsoSource, _time.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _puller?.Dispose();
        Limits.Dispose();
    }

    private async Task ReportOperationModeAsync(IStationTransactions transactions, OperationModeChange change)
    {
        try
        {
            await transactions.ReportOperationModeAsync(change.EvseId, change.TransactionId, change.Mode.ToString(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SmartChargingLog.Failed(_logger, "OperationModeChanged report", ex);
        }
    }

    private SmartChargingSettings ReadSettings()
    {
        if (_model is not { } model)
        {
            return new SmartChargingSettings();
        }

        var units = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "RateUnit")) ?? "A,W";
        var purposes = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "SupportedAdditionalPurposes")) ?? string.Empty;
        var maxExternal = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "MaxExternalConstraintsId"));
        return new SmartChargingSettings
        {
            AcceptsAmperes = units.Split(',').Contains("A", StringComparer.Ordinal),
            AcceptsWatts = units.Split(',').Contains("W", StringComparer.Ordinal),
            MaxExternalConstraintsId = int.TryParse(maxExternal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null,
            PriorityChargingSupported = purposes.Contains(nameof(ChargingProfilePurposeEnumType.PriorityCharging), StringComparison.Ordinal),
            LocalGenerationSupported = purposes.Contains(nameof(ChargingProfilePurposeEnumType.LocalGeneration), StringComparison.Ordinal),
            DynamicProfilesSupported = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "SupportsFeature", "DynamicProfiles")) == "true",
            UseLocalTimeSupported = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "SupportsFeature", "UseLocalTime")) == "true",
            RandomizedDelaySupported = model.GetValue(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "SupportsFeature", "RandomizedDelay")) == "true",
        };
    }

    // The configurable 2.1 options (chargerd configuration, SmartChargingOptions) as the device model reports them.
    private void PublishSupport(StationDeviceModel model)
    {
        var component = DeviceModelCatalog.SmartChargingCtrlr;
        model.SetByStation(VariableKey.Of(component, "SupportsFeature", "UseLocalTime"), _options.SupportsUseLocalTime ? "true" : "false");
        model.SetByStation(VariableKey.Of(component, "SupportsFeature", "RandomizedDelay"), _options.SupportsRandomizedDelay ? "true" : "false");
        var purposes = _options.SupportedAdditionalPurposes
            .Where(p => p is nameof(ChargingProfilePurposeEnumType.PriorityCharging) or nameof(ChargingProfilePurposeEnumType.LocalGeneration))
            .Distinct(StringComparer.Ordinal);
        model.SetByStation(VariableKey.Of(component, "SupportedAdditionalPurposes"), string.Join(',', purposes));
    }

    private void ReportLocalTime()
    {
        if (LocalTime.UnresolvedZone is { } zone)
        {
            SmartChargingLog.UnknownTimeZone(_logger, zone, LocalTime.Rules.Description);
        }
        else
        {
            SmartChargingLog.LocalTimeChanged(_logger, LocalTime.Rules.Description);
        }
    }

    // K01.FR.93: draw the delays of every randomized Tx/TxDefault profile that applies to the new transaction.
    private void DrawDelays(int evseId)
    {
        if (State.TransactionId(evseId) is not { } transactionId)
        {
            return;
        }

        foreach (var installed in Profiles.All)
        {
            var purpose = installed.Profile.ChargingProfilePurpose;
            var applies = purpose == ChargingProfilePurposeEnumType.TxDefaultProfile ? installed.EvseId is 0 || installed.EvseId == evseId
                : purpose == ChargingProfilePurposeEnumType.TxProfile && installed.EvseId == evseId && string.Equals(installed.Profile.TransactionId, transactionId, StringComparison.Ordinal);
            if (applies)
            {
                Delays.DelaysFor(transactionId, installed.Profile);
            }
        }
    }

    private bool UnitSupported(ChargingRateUnitEnumType unit)
    {
        var settings = ReadSettings();
        return unit == ChargingRateUnitEnumType.A ? settings.AcceptsAmperes : settings.AcceptsWatts;
    }

    private void UpdateEntries() =>
        _model?.SetByStation(VariableKey.Of(DeviceModelCatalog.SmartChargingCtrlr, "Entries", "ChargingProfiles"), Profiles.Count.ToString(CultureInfo.InvariantCulture));

    private void RemoveEndedTxProfiles(int evseId)
    {
        var running = State.TransactionId(evseId);
        foreach (var removed in Profiles.Remove(p => p.EvseId == evseId && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.TxProfile
            && !string.Equals(p.Profile.TransactionId, running, StringComparison.Ordinal)))
        {
            SmartChargingLog.ProfileRemoved(_logger, removed.Id, "transaction ended");
        }
    }

    // K01.FR.102: after reconnecting, a profile that lapsed offline is valid again unless invalidAfterOfflineDuration.
    private void DropLapsedAfterOffline(DateTimeOffset since, DateTimeOffset until)
    {
        foreach (var removed in Profiles.Remove(p => p.Profile.InvalidAfterOfflineDuration == true && p.Profile.MaxOfflineDuration is { } max && until - since > TimeSpan.FromSeconds(max)))
        {
            SmartChargingLog.ProfileRemoved(_logger, removed.Id, "invalid after offline duration");
        }
    }
}
