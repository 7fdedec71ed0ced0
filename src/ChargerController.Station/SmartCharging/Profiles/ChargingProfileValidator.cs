using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>
/// Checks a received charging profile against Part 2 K01 and what this AC station can enforce; a rejection carries the
/// reasonCode the spec recommends (appendix "Reason codes": UnknownEvse, UnsupportedRateUnit, InvalidStackLevel,
/// InvalidSchedule, InvalidProfile, InvalidProfileId, DuplicateProfile, TxNotFound, UnsupportedPurpose, UnsupportedKind,
/// TooManyElements, OutOfStorage).
/// </summary>
public sealed class ChargingProfileValidator
{
    private readonly SmartChargingOptions _options;
    private readonly ChargingProfileSet _profiles;
    private readonly IStationTransactions _transactions;

    /// <summary>Initializes a new instance of the <see cref="ChargingProfileValidator"/> class.</summary>
    /// <param name="options">Station configuration.</param>
    /// <param name="profiles">Installed profiles (duplicates, replacement rules).</param>
    /// <param name="transactions">Running transactions (TxProfile matching, K01.FR.09/33).</param>
    public ChargingProfileValidator(SmartChargingOptions options, ChargingProfileSet profiles, IStationTransactions transactions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(transactions);
        _options = options;
        _profiles = profiles;
        _transactions = transactions;
    }

    /// <summary>Validates a profile.</summary>
    /// <param name="evseId">The request's evseId.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="mode">Where it comes from.</param>
    /// <param name="settings">Device-model settings.</param>
    /// <returns>Null when acceptable, else the statusInfo for the Rejected answer.</returns>
    public StatusInfoType? Validate(int evseId, ChargingProfileType profile, ProfileValidationMode mode, SmartChargingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(settings);
        return CheckTarget(evseId, profile, mode, settings)
            ?? CheckKind(profile)
            ?? CheckSchedules(evseId, profile, settings)
            ?? CheckConflicts(evseId, profile)
            ?? CheckCapacity(profile);
    }

    private static StatusInfoType Reject(string reasonCode, string info) => new() { ReasonCode = reasonCode, AdditionalInfo = info };

    private StatusInfoType? CheckTarget(int evseId, ChargingProfileType profile, ProfileValidationMode mode, SmartChargingSettings settings)
    {
        if (evseId < 0 || (evseId > 0 && _options.Evse(evseId) is null))
        {
            return Reject("UnknownEvse", $"EVSE {evseId} does not exist"); // K01.FR.28
        }

        var purpose = profile.ChargingProfilePurpose;
        if (mode == ProfileValidationMode.RequestStartTransaction)
        {
            if (purpose != ChargingProfilePurposeEnumType.TxProfile || profile.TransactionId is not null)
            {
                return Reject("InvalidProfile", "RequestStartTransaction takes a TxProfile without transactionId"); // F01.FR.09
            }
        }
        else if (purpose == ChargingProfilePurposeEnumType.TxProfile)
        {
            if (evseId == 0)
            {
                return Reject("InvalidProfile", "a TxProfile needs an EVSE > 0"); // K01.FR.16
            }

            if (profile.TransactionId is not { } tx || !string.Equals(_transactions.GetTransactionId(evseId), tx, StringComparison.Ordinal))
            {
                return Reject("TxNotFound", "no such transaction on this EVSE"); // K01.FR.09/33
            }
        }

        if (purpose != ChargingProfilePurposeEnumType.TxProfile && profile.TransactionId is not null)
        {
            return Reject("InvalidProfile", "transactionId only belongs in a TxProfile");
        }

        switch (purpose)
        {
            case ChargingProfilePurposeEnumType.ChargingStationExternalConstraints:
                return Reject("InvalidProfile", "ChargingStationExternalConstraints are set by the station only"); // K01.FR.22
            case ChargingProfilePurposeEnumType.ChargingStationMaxProfile when evseId != 0:
                return Reject("InvalidProfile", "ChargingStationMaxProfile needs evseId 0"); // K04.FR.03
            case ChargingProfilePurposeEnumType.ChargingStationMaxProfile when profile.ChargingProfileKind == ChargingProfileKindEnumType.Relative:
                return Reject("InvalidProfile", "ChargingStationMaxProfile cannot be Relative"); // K01.FR.38
            case ChargingProfilePurposeEnumType.PriorityCharging when !settings.PriorityChargingSupported:
            case ChargingProfilePurposeEnumType.LocalGeneration when !settings.LocalGenerationSupported:
                return Reject("UnsupportedPurpose", purpose + " is not in SupportedAdditionalPurposes"); // K01.FR.120
        }

        if (settings.MaxExternalConstraintsId is { } reserved && profile.Id <= reserved)
        {
            return Reject("InvalidProfileId", $"ids up to {reserved} are reserved for external constraints"); // K01.FR.81
        }

        if (_profiles.Find(profile.Id) is { Profile.ChargingProfilePurpose: ChargingProfilePurposeEnumType.ChargingStationExternalConstraints })
        {
            return Reject("InvalidProfileId", "an external-constraints profile cannot be replaced"); // K01.FR.05
        }

        if (profile.StackLevel < 0 || profile.StackLevel > _options.MaxStackLevel)
        {
            return Reject("InvalidStackLevel", $"stackLevel must be 0..{_options.MaxStackLevel}");
        }

        if (profile.ChargingProfileKind == ChargingProfileKindEnumType.Dynamic && !settings.DynamicProfilesSupported)
        {
            return Reject("UnsupportedKind", "Dynamic profiles are not supported"); // K01.FR.121
        }

        return null;
    }

    private static StatusInfoType? CheckKind(ChargingProfileType profile)
    {
        var kind = profile.ChargingProfileKind;
        if (kind != ChargingProfileKindEnumType.Dynamic && (profile.DynUpdateInterval is not null || profile.DynUpdateTime is not null))
        {
            return Reject("InvalidProfile", "dynUpdateInterval/dynUpdateTime need kind Dynamic"); // K01.FR.122
        }

        if (kind == ChargingProfileKindEnumType.Recurring && profile.RecurrencyKind is null)
        {
            return Reject("InvalidProfile", "a Recurring profile needs recurrencyKind");
        }

        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && to <= from)
        {
            return Reject("InvalidProfile", "validTo must be after validFrom");
        }

        return null;
    }

    private StatusInfoType? CheckSchedules(int evseId, ChargingProfileType profile, SmartChargingSettings settings)
    {
        if (profile.ChargingSchedule is not { Length: > 0 } schedules)
        {
            return Reject("InvalidSchedule", "chargingSchedule is missing");
        }

        if (schedules.Length > 1)
        {
            return Reject("InvalidSchedule", "only one chargingSchedule without ISO 15118"); // K01.FR.34
        }

        var schedule = schedules[0];
        var kind = profile.ChargingProfileKind;
        if ((schedule.ChargingRateUnit == ChargingRateUnitEnumType.A && !settings.AcceptsAmperes) || (schedule.ChargingRateUnit == ChargingRateUnitEnumType.W && !settings.AcceptsWatts))
        {
            return Reject("UnsupportedRateUnit", schedule.ChargingRateUnit + " is not in SmartChargingCtrlr.RateUnit"); // K01.FR.26
        }

        if (kind is ChargingProfileKindEnumType.Absolute or ChargingProfileKindEnumType.Recurring && schedule.StartSchedule is null)
        {
            return Reject("InvalidSchedule", "Absolute and Recurring schedules need startSchedule"); // K01.FR.40
        }

        if (kind == ChargingProfileKindEnumType.Relative && schedule.StartSchedule is not null)
        {
            return Reject("InvalidSchedule", "a Relative schedule has no startSchedule"); // K01.FR.41
        }

        if (schedule.Duration is < 0 || schedule.MinChargingRate is < 0)
        {
            return Reject("InvalidSchedule", "duration and minChargingRate must not be negative");
        }

        if (profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.PriorityCharging && schedule.Duration is not null)
        {
            return Reject("InvalidSchedule", "a PriorityCharging schedule has no duration"); // K01.FR.70
        }

        if (CheckScheduleOptions(profile, schedule, settings) is { } optionRejection)
        {
            return optionRejection;
        }

        if (schedule.SalesTariff is not null || schedule.AbsolutePriceSchedule is not null || schedule.PriceLevelSchedule is not null)
        {
            return Reject("InvalidSchedule", "price schedules need ISO 15118");
        }

        var periods = schedule.ChargingSchedulePeriod;
        if (periods is not { Length: > 0 })
        {
            return Reject("InvalidSchedule", "chargingSchedulePeriod is empty");
        }

        if (periods.Length > _options.PeriodsPerSchedule)
        {
            return Reject("TooManyElements", $"at most {_options.PeriodsPerSchedule} periods (PeriodsPerSchedule)");
        }

        if (kind == ChargingProfileKindEnumType.Dynamic && periods.Length != 1)
        {
            return Reject("InvalidSchedule", "a Dynamic schedule has exactly one period"); // K28.FR.01
        }

        if (periods[0].StartPeriod != 0)
        {
            return Reject("InvalidSchedule", "the first startPeriod must be 0"); // K01.FR.31
        }

        for (var i = 0; i < periods.Length; i++)
        {
            if (i > 0 && periods[i].StartPeriod <= periods[i - 1].StartPeriod)
            {
                return Reject("InvalidSchedule", "startPeriod values must increase"); // K01.FR.35
            }

            if (CheckPeriod(evseId, profile, periods[i]) is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }

    // The 2.1 schedule options (Part 2 K01 "Use Local Time / Randomized Delay", "Checking optional support").
    private static StatusInfoType? CheckScheduleOptions(ChargingProfileType profile, ChargingScheduleType schedule, SmartChargingSettings settings)
    {
        if (schedule.UseLocalTime == true && !settings.UseLocalTimeSupported)
        {
            return Reject("InvalidSchedule", "useLocalTime is not supported (SupportsFeature[UseLocalTime] is false)"); // K01.FR.123
        }

        if (schedule.RandomizedDelay is < 0)
        {
            return Reject("InvalidSchedule", "randomizedDelay must not be negative");
        }

        if (schedule.RandomizedDelay is > 0)
        {
            if (!settings.RandomizedDelaySupported)
            {
                return Reject("InvalidSchedule", "randomizedDelay is not supported (SupportsFeature[RandomizedDelay] is false)"); // K01.FR.124
            }

            if (profile.ChargingProfilePurpose is not (ChargingProfilePurposeEnumType.TxProfile or ChargingProfilePurposeEnumType.TxDefaultProfile))
            {
                return Reject("InvalidSchedule", "only a TxProfile or TxDefaultProfile can have a randomizedDelay"); // K01.FR.95
            }
        }

        // K01.FR.125: limitAtSoC needs the EV's state of charge, which only ISO 15118 gives; this IEC 61851 station has none.
        if (schedule.LimitAtSoC is not null)
        {
            return Reject("InvalidSchedule", "limitAtSoC is not supported (SupportsFeature[LimitAtSoC] is false)");
        }

        return null;
    }

    private StatusInfoType? CheckPeriod(int evseId, ChargingProfileType profile, ChargingSchedulePeriodType period)
    {
        if (period.Limit is < 0 || period.Limit_L2 is < 0 || period.Limit_L3 is < 0)
        {
            return Reject("InvalidSchedule", "limits must not be negative");
        }

        if ((period.Limit_L2 is not null || period.Limit_L3 is not null)
            && (profile.ChargingProfilePurpose != ChargingProfilePurposeEnumType.TxProfile || period.Limit is null))
        {
            return Reject("InvalidSchedule", "limit_L2/limit_L3 only in a TxProfile next to limit"); // ERR21 K01.FR.144/146
        }

        if (period.OperationMode == OperationModeEnumType.Idle)
        {
            // Q10.FR.01/02: an Idle period neither charges nor discharges, so it has no limit, dischargeLimit, setpoint or
            // setpointReactive (nor their L2/L3 variants); the advised additionalInfo names the schedule and period.
            if (period.Limit is not null || period.Limit_L2 is not null || period.Limit_L3 is not null
                || period.DischargeLimit is not null || period.DischargeLimit_L2 is not null || period.DischargeLimit_L3 is not null
                || period.Setpoint is not null || period.Setpoint_L2 is not null || period.Setpoint_L3 is not null
                || period.SetpointReactive is not null || period.SetpointReactive_L2 is not null || period.SetpointReactive_L3 is not null)
            {
                var schedule = profile.ChargingSchedule?.FirstOrDefault(s => s.ChargingSchedulePeriod.Contains(period));
                return Reject("InvalidSchedule", string.Create(CultureInfo.InvariantCulture, $"chargingSchedule {schedule?.Id} period at startPeriod {period.StartPeriod}: operationMode Idle takes no limit, dischargeLimit, setpoint or setpointReactive"));
            }
        }
        else if (period.Limit is null)
        {
            return Reject("InvalidSchedule", "a charging-only station needs limit");
        }

        // K29.FR.03: a Dynamic Tx(Default)Profile with operationMode ExternalLimits carries an external system's (EMS) limit;
        // it only ever limits charging, so this charge-only station supports it.
        var externalLimits = period.OperationMode == OperationModeEnumType.ExternalLimits
            && profile.ChargingProfileKind == ChargingProfileKindEnumType.Dynamic
            && profile.ChargingProfilePurpose is ChargingProfilePurposeEnumType.TxProfile or ChargingProfilePurposeEnumType.TxDefaultProfile;
        if (period.OperationMode is { } mode && mode is not (OperationModeEnumType.ChargingOnly or OperationModeEnumType.Idle) && !externalLimits)
        {
            return Reject("InvalidSchedule", "only operationMode ChargingOnly or Idle (no V2X), or ExternalLimits in a Dynamic Tx(Default)Profile");
        }

        if (profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.PriorityCharging && period.OperationMode is { } priorityMode && priorityMode != OperationModeEnumType.ChargingOnly)
        {
            return Reject("InvalidSchedule", "PriorityCharging is ChargingOnly"); // K01.FR.71
        }

        if (period.DischargeLimit is not null || period.Setpoint is not null || period.SetpointReactive is not null || period.V2xBaseline is not null
            || period.V2xFreqWattCurve is not null || period.V2xSignalWattCurve is not null || period.EvseSleep == true || period.PreconditioningRequest == true)
        {
            return Reject("InvalidSchedule", "V2X, evseSleep and preconditioning are not supported");
        }

        return CheckPhases(evseId, period);
    }

    private StatusInfoType? CheckPhases(int evseId, ChargingSchedulePeriodType period)
    {
        if (period.NumberPhases is { } phases && phases is < 1 or > 3)
        {
            return Reject("InvalidSchedule", "numberPhases must be 1..3");
        }

        if (period.PhaseToUse is { } phaseToUse)
        {
            if (period.NumberPhases != 1)
            {
                return Reject("InvalidSchedule", "phaseToUse needs numberPhases 1"); // K01.FR.19
            }

            if (phaseToUse != 1)
            {
                return Reject("InvalidSchedule", "single-phase charging always uses L1 (ACPhaseSwitchingSupported is false)"); // K01.FR.48
            }
        }

        // K01.FR.43: only accept fewer phases than wired when the EVSE(s) can switch (second contactor); 2 phases never.
        var evses = evseId == 0 ? _options.Evses : [_options.Evse(evseId)!];
        foreach (var evse in evses)
        {
            var requested = period.NumberPhases ?? 3;
            if (requested >= evse.SupplyPhases)
            {
                continue; // K01.FR.45: more phases than wired is imposed on the wired ones.
            }

            if (requested == 2 || !evse.SupportsPhaseSwitching)
            {
                return Reject("InvalidSchedule", $"EVSE {evse.EvseId} cannot limit itself to {requested} phase(s)");
            }
        }

        return null;
    }

    private StatusInfoType? CheckConflicts(int evseId, ChargingProfileType profile)
    {
        foreach (var other in _profiles.All)
        {
            var existing = other.Profile;
            if (existing.Id == profile.Id || existing.ChargingProfilePurpose != profile.ChargingProfilePurpose || existing.StackLevel != profile.StackLevel)
            {
                continue;
            }

            var conflict = profile.ChargingProfilePurpose switch
            {
                // K01.FR.39: one TxProfile per stackLevel and transaction.
                ChargingProfilePurposeEnumType.TxProfile => string.Equals(existing.TransactionId, profile.TransactionId, StringComparison.Ordinal) && profile.TransactionId is not null,

                // K01.FR.52/53: a TxDefaultProfile on EVSE 0 and one on a specific EVSE never share a stackLevel.
                ChargingProfilePurposeEnumType.TxDefaultProfile => (other.EvseId == evseId || other.EvseId == 0 || evseId == 0) && Overlaps(existing, profile),

                // K01.FR.06: same stackLevel, purpose and EVSE with overlapping validity.
                _ => other.EvseId == evseId && Overlaps(existing, profile),
            };
            if (conflict)
            {
                return Reject("DuplicateProfile", $"profile {existing.Id} has the same purpose and stackLevel");
            }
        }

        return null;
    }

    private StatusInfoType? CheckCapacity(ChargingProfileType profile) =>
        _profiles.Find(profile.Id) is null && _profiles.Count >= _options.MaxProfiles
            ? Reject("OutOfStorage", $"at most {_options.MaxProfiles} profiles (Entries[ChargingProfiles])")
            : null;

    private static bool Overlaps(ChargingProfileType a, ChargingProfileType b) =>
        (a.ValidFrom ?? DateTimeOffset.MinValue) < (b.ValidTo ?? DateTimeOffset.MaxValue)
        && (b.ValidFrom ?? DateTimeOffset.MinValue) < (a.ValidTo ?? DateTimeOffset.MaxValue);
}
