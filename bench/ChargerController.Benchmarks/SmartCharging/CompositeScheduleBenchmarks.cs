using BenchmarkDotNet.Attributes;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Composite;

namespace ChargerController.Benchmarks.SmartCharging;

/// <summary>
/// GetCompositeSchedule with 20 active profiles over 24 h, every period on a 60 s grid (issue #8 target: ≤ 2 ms):
/// 1 ChargingStationMaxProfile, 2 ChargingStationExternalConstraints, 9 TxDefaultProfiles (EVSE 0 and 1, two of them
/// Recurring daily), 6 TxProfiles of the running transaction and 2 LocalGeneration, each with 48 periods (PeriodsPerSchedule),
/// A and W mixed. Run: dotnet run -c Release --project bench/ChargerController.Benchmarks -- --filter '*CompositeSchedule*'
/// </summary>
[MemoryDiagnoser]
public class CompositeScheduleBenchmarks
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private InstalledChargingProfile[] _profiles = [];
    private CompositeScheduleInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        var list = new List<InstalledChargingProfile>();
        var id = 1;
        void Add(int evse, ChargingProfilePurposeEnumType purpose, int stack, ChargingProfileKindEnumType kind = ChargingProfileKindEnumType.Absolute, string? tx = null)
        {
            var watts = random.Next(3) == 0;
            var starts = Enumerable.Range(1, 1439).OrderBy(_ => random.Next()).Take(47).Order().Prepend(0).ToArray();
            var profile = new ChargingProfileType
            {
                Id = id++,
                StackLevel = stack,
                ChargingProfilePurpose = purpose,
                ChargingProfileKind = kind,
                RecurrencyKind = kind == ChargingProfileKindEnumType.Recurring ? RecurrencyKindEnumType.Daily : null,
                TransactionId = tx,
                ChargingSchedule =
                [
                    new ChargingScheduleType
                    {
                        Id = 1,
                        StartSchedule = kind == ChargingProfileKindEnumType.Relative ? null : Start.AddMinutes(-random.Next(0, 60)),
                        Duration = random.Next(2) == 0 ? null : 86400 - (60 * random.Next(0, 120)),
                        ChargingRateUnit = watts ? ChargingRateUnitEnumType.W : ChargingRateUnitEnumType.A,
                        ChargingSchedulePeriod = [.. starts.Select(s => new ChargingSchedulePeriodType
                        {
                            StartPeriod = s * 60,
                            Limit = watts ? random.Next(4000, 22000) : random.Next(6, 32),
                            NumberPhases = random.Next(4) == 0 ? 1 : 3,
                        })],
                    },
                ],
            };
            list.Add(new InstalledChargingProfile(evse, profile, InstalledChargingProfile.CsoSource, Start));
        }

        Add(0, ChargingProfilePurposeEnumType.ChargingStationMaxProfile, 0);
        Add(0, ChargingProfilePurposeEnumType.ChargingStationExternalConstraints, 0);
        Add(1, ChargingProfilePurposeEnumType.ChargingStationExternalConstraints, 1);
        for (var s = 0; s < 9; s++)
        {
            Add(s % 2, ChargingProfilePurposeEnumType.TxDefaultProfile, s, s < 2 ? ChargingProfileKindEnumType.Recurring : ChargingProfileKindEnumType.Absolute);
        }

        for (var s = 0; s < 6; s++)
        {
            Add(1, ChargingProfilePurposeEnumType.TxProfile, s, s == 0 ? ChargingProfileKindEnumType.Relative : ChargingProfileKindEnumType.Absolute, "tx-1");
        }

        Add(0, ChargingProfilePurposeEnumType.LocalGeneration, 0);
        Add(1, ChargingProfilePurposeEnumType.LocalGeneration, 1);
        _profiles = [.. list];
        _input = new CompositeScheduleInput { Start = Start, Duration = TimeSpan.FromHours(24), EvseId = 1, TransactionId = "tx-1", RelativeStart = Start.AddMinutes(-5), MaxCurrentA = 32 };
    }

    /// <summary>The whole GetCompositeSchedule work: merge and convert to the OCPP schedule in W.</summary>
    /// <returns>The schedule.</returns>
    [Benchmark]
    public CompositeScheduleType GetCompositeSchedule_20Profiles_24h() => CompositeScheduleCalculator.Compute(_profiles, _input).ToOcpp(ChargingRateUnitEnumType.W);

    /// <summary>The per-EVSE limit refresh at a period boundary (the current slot only needs the window up to its end).</summary>
    /// <returns>The slot.</returns>
    [Benchmark]
    public CompositeSegment CurrentSlot_20Profiles_24h() => CompositeScheduleCalculator.Compute(_profiles, _input).Segments[0];
}
