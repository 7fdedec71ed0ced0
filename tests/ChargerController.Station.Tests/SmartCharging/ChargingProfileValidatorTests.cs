using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.Tests.Conformance;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>Every K01 rejection with its reasonCode, and the K05 (RequestStartTransaction) rules.</summary>
public sealed class ChargingProfileValidatorTests
{
    private const ChargingProfilePurposeEnumType TxDefault = ChargingProfilePurposeEnumType.TxDefaultProfile;

    private readonly FakeTransactions _transactions = new();
    private readonly ChargingProfileSet _profiles = new(new InMemoryChargingProfileStore());
    private readonly SmartChargingOptions _options = new()
    {
        Evses = [new SmartChargingEvseOptions { EvseId = 1 }, new SmartChargingEvseOptions { EvseId = 2, SupportsPhaseSwitching = true }],
        MaxProfiles = 3,
        PeriodsPerSchedule = 4,
    };

    private ChargingProfileValidator Validator => new(_options, _profiles, _transactions);

    /// <summary>Reason code, evseId and the name of the change that makes the profile invalid (a name, not a delegate, so xunit can serialize each case).</summary>
    public static TheoryData<string, int, string> Rejections => new()
    {
        { "UnknownEvse", 3, "UnknownEvse-1" },
        { "InvalidProfile", 0, "InvalidProfile-1" },
        { "InvalidProfile", 1, "InvalidProfile-2" },
        { "InvalidProfile", 0, "InvalidProfile-3" },
        { "InvalidProfile", 1, "InvalidProfile-4" },
        { "InvalidProfile", 1, "InvalidProfile-5" },
        { "InvalidProfile", 1, "InvalidProfile-6" },
        { "InvalidProfile", 1, "InvalidProfile-7" },
        { "InvalidProfileId", 1, "InvalidProfileId-1" },
        { "InvalidStackLevel", 1, "InvalidStackLevel-1" },
        { "TxNotFound", 1, "TxNotFound-1" },
        { "InvalidSchedule", 1, "InvalidSchedule-1" },
        { "InvalidSchedule", 1, "InvalidSchedule-2" },
        { "InvalidSchedule", 1, "InvalidSchedule-3" },
        { "InvalidSchedule", 1, "InvalidSchedule-4" },
        { "InvalidSchedule", 1, "InvalidSchedule-5" },
        { "InvalidSchedule", 1, "InvalidSchedule-6" },
        { "InvalidSchedule", 1, "InvalidSchedule-7" },
        { "InvalidSchedule", 2, "InvalidSchedule-8" },
        { "InvalidSchedule", 2, "InvalidSchedule-9" },
        { "InvalidSchedule", 2, "InvalidSchedule-10" },
        { "InvalidSchedule", 1, "InvalidSchedule-11" },
        { "InvalidSchedule", 1, "InvalidSchedule-12" },
        { "InvalidSchedule", 1, "InvalidSchedule-13" },
        { "TooManyElements", 1, "TooManyElements-1" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejected_WithReasonCode(string reasonCode, int evseId, string change)
    {
        var profile = Absolute(10, TxDefault, 0, T0, null, (0, 6m));
        Mutation(change)(profile);
        Assert.Equal(reasonCode, Validator.Validate(evseId, profile, ProfileValidationMode.SetChargingProfile, new SmartChargingSettings())?.ReasonCode);
    }

    [Fact]
    public void Accepted_ForEveryPurposeAndKindThisStationSupports()
    {
        _transactions.Start(1);
        var settings = new SmartChargingSettings();
        var tx = Absolute(11, ChargingProfilePurposeEnumType.TxProfile, 0, T0, null, (0, 6m));
        tx.TransactionId = "tx-1";
        var recurring = Profile(12, TxDefault, 1, ChargingProfileKindEnumType.Recurring, T0, ChargingRateUnitEnumType.W, 3600, (0, 4000m));
        recurring.RecurrencyKind = RecurrencyKindEnumType.Weekly;
        var singlePhase = Absolute(13, TxDefault, 2, T0, null, (0, 16m));
        singlePhase.ChargingSchedule[0].ChargingSchedulePeriod[0].NumberPhases = 1;
        singlePhase.ChargingSchedule[0].ChargingSchedulePeriod[0].PhaseToUse = 1;
        var dynamic = Profile(14, TxDefault, 3, ChargingProfileKindEnumType.Dynamic, null, ChargingRateUnitEnumType.A, null, (0, 10m));
        dynamic.DynUpdateInterval = 60;
        Assert.Null(Validator.Validate(1, tx, ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(0, recurring, ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(2, singlePhase, ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(1, dynamic, ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(0, Relative(15, ChargingProfilePurposeEnumType.PriorityCharging, 0, null, (0, 32m)), ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(0, Absolute(16, ChargingProfilePurposeEnumType.LocalGeneration, 0, T0, null, (0, 6m)), ProfileValidationMode.SetChargingProfile, settings));
    }

    [Fact]
    public void Settings_UnsupportedUnitPurposeKind()
    {
        var watts = Profile(20, TxDefault, 0, ChargingProfileKindEnumType.Absolute, T0, ChargingRateUnitEnumType.W, null, (0, 4000m));
        Assert.Equal("UnsupportedRateUnit", Validator.Validate(1, watts, ProfileValidationMode.SetChargingProfile, new SmartChargingSettings { AcceptsWatts = false })?.ReasonCode);
        var priority = Relative(21, ChargingProfilePurposeEnumType.PriorityCharging, 0, null, (0, 32m));
        Assert.Equal("UnsupportedPurpose", Validator.Validate(1, priority, ProfileValidationMode.SetChargingProfile, new SmartChargingSettings { PriorityChargingSupported = false })?.ReasonCode);
        var dynamic = Profile(22, TxDefault, 0, ChargingProfileKindEnumType.Dynamic, null, ChargingRateUnitEnumType.A, null, (0, 10m));
        Assert.Equal("UnsupportedKind", Validator.Validate(1, dynamic, ProfileValidationMode.SetChargingProfile, new SmartChargingSettings { DynamicProfilesSupported = false })?.ReasonCode);
    }

    [Fact]
    public void Duplicates_AndCapacity()
    {
        _profiles.Install(At(0, Absolute(30, TxDefault, 1, T0, null, (0, 6m))));
        _profiles.Install(At(1, Absolute(31, TxDefault, 2, T0, null, (0, 6m))));
        var settings = new SmartChargingSettings();

        // K01.FR.53 / K01.FR.52: same stackLevel on EVSE 0 and on a specific EVSE.
        Assert.Equal("DuplicateProfile", Validator.Validate(2, Absolute(32, TxDefault, 1, T0, null, (0, 6m)), ProfileValidationMode.SetChargingProfile, settings)?.ReasonCode);
        Assert.Equal("DuplicateProfile", Validator.Validate(0, Absolute(32, TxDefault, 2, T0, null, (0, 6m)), ProfileValidationMode.SetChargingProfile, settings)?.ReasonCode);

        // K01.FR.06 needs overlapping validity: a later window is fine; the same id replaces.
        var later = Absolute(33, TxDefault, 2, T0, null, (0, 6m));
        later.ValidFrom = T0.AddDays(1);
        var earlier = _profiles.Find(31)!.Profile with { ValidTo = T0.AddDays(1) };
        _profiles.Install(At(1, earlier));
        Assert.Null(Validator.Validate(1, later, ProfileValidationMode.SetChargingProfile, settings));
        Assert.Null(Validator.Validate(1, Absolute(31, TxDefault, 2, T0, null, (0, 8m)), ProfileValidationMode.SetChargingProfile, settings));

        _profiles.Install(At(2, Absolute(34, TxDefault, 3, T0, null, (0, 6m))));
        Assert.Equal("OutOfStorage", Validator.Validate(1, Absolute(35, TxDefault, 5, T0, null, (0, 6m)), ProfileValidationMode.SetChargingProfile, settings)?.ReasonCode);
    }

    [Fact]
    public async Task K05_RequestStartTransaction_TxProfileWithoutTransactionId_InstalledForTheNewTransaction()
    {
        using var module = new SmartChargingModule(_options, new InMemoryChargingProfileStore(), _transactions, TimeProvider.System);
        var profile = Relative(40, ChargingProfilePurposeEnumType.TxProfile, 0, null, (0, 10m));
        Assert.Null(module.Validate(1, profile));
        Assert.Equal("InvalidProfile", module.Validate(1, Relative(41, TxDefault, 0, null, (0, 10m))));
        Assert.Equal("InvalidProfile", module.Validate(1, profile with { TransactionId = "tx-1" }));

        _transactions.Start(1);
        await module.InstallForTransactionAsync(1, "tx-1", profile, CancellationToken.None);
        Assert.Equal("tx-1", module.Profiles.Find(40)!.Profile.TransactionId);
        Assert.Equal(10, module.Limits.LimitFor(1).CurrentLimitA);

        // K02.FR.05: the TxProfile goes with its transaction.
        _transactions.End(1);
        Assert.Null(module.Profiles.Find(40));
        Assert.Equal(32, module.Limits.LimitFor(1).CurrentLimitA);
    }

    private static Action<ChargingProfileType> Mutation(string change) => change switch
    {
        "UnknownEvse-1" => _ => { },
        "InvalidProfile-1" => p => p.ChargingProfilePurpose = ChargingProfilePurposeEnumType.ChargingStationExternalConstraints,
        "InvalidProfile-2" => p => p.ChargingProfilePurpose = ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
        "InvalidProfile-3" => p => { p.ChargingProfilePurpose = ChargingProfilePurposeEnumType.ChargingStationMaxProfile; p.ChargingProfileKind = ChargingProfileKindEnumType.Relative; p.ChargingSchedule[0].StartSchedule = null; },
        "InvalidProfile-4" => p => p.TransactionId = "tx-1",
        "InvalidProfile-5" => p => p.ChargingProfileKind = ChargingProfileKindEnumType.Recurring,
        "InvalidProfile-6" => p => { p.ValidFrom = T0; p.ValidTo = T0; },
        "InvalidProfile-7" => p => p.DynUpdateInterval = 60,
        "InvalidProfileId-1" => p => p.Id = 0,
        "InvalidStackLevel-1" => p => p.StackLevel = 9,
        "TxNotFound-1" => p => { p.ChargingProfilePurpose = ChargingProfilePurposeEnumType.TxProfile; p.TransactionId = "tx-9"; },
        "InvalidSchedule-1" => p => p.ChargingSchedule = [p.ChargingSchedule[0], p.ChargingSchedule[0]],
        "InvalidSchedule-2" => p => p.ChargingSchedule[0].StartSchedule = null,
        "InvalidSchedule-3" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].StartPeriod = 5,
        "InvalidSchedule-4" => p => p.ChargingSchedule[0].ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 6 }, new() { StartPeriod = 0, Limit = 7 }],
        "InvalidSchedule-5" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].Limit = -1,
        "InvalidSchedule-6" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].Limit_L2 = 6,
        "InvalidSchedule-7" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].NumberPhases = 1,
        "InvalidSchedule-8" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].NumberPhases = 2,
        "InvalidSchedule-9" => p => { p.ChargingSchedule[0].ChargingSchedulePeriod[0].NumberPhases = 1; p.ChargingSchedule[0].ChargingSchedulePeriod[0].PhaseToUse = 2; },
        "InvalidSchedule-10" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].PhaseToUse = 1,
        "InvalidSchedule-11" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].OperationMode = OperationModeEnumType.CentralSetpoint,
        "InvalidSchedule-12" => p => p.ChargingSchedule[0].ChargingSchedulePeriod[0].Setpoint = 5,
        "InvalidSchedule-13" => p => p.ChargingSchedule[0].RandomizedDelay = 30,
        "TooManyElements-1" => p => p.ChargingSchedule[0].ChargingSchedulePeriod = [.. Enumerable.Range(0, 5).Select(i => new ChargingSchedulePeriodType { StartPeriod = i * 60, Limit = 6 })],
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
    };
}
