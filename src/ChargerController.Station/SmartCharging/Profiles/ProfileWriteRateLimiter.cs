using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>
/// Protects the flash memory from a CSMS that rewrites persistent profiles in a tight loop (K01.FR.56, 2025-09 errata):
/// one token bucket per persistent purpose (ChargingStationMaxProfile, TxDefaultProfile, PriorityCharging, K01.FR.27).
/// A burst of <see cref="SmartChargingOptions.PersistentProfileWriteBurst"/> writes is free, after that one write per
/// <see cref="SmartChargingOptions.PersistentProfileWriteInterval"/>; a refused write says when to retry (K01.FR.57).
/// TxProfile, LocalGeneration and external constraints change often by design (dynamic control) and are never limited.
/// </summary>
public sealed class ProfileWriteRateLimiter
{
    private readonly int _burst;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<ChargingProfilePurposeEnumType, (double Tokens, DateTimeOffset At)> _buckets = [];

    /// <summary>Initializes a new instance of the <see cref="ProfileWriteRateLimiter"/> class.</summary>
    /// <param name="options">Burst and refill interval (a burst of 0 switches the limit off).</param>
    /// <param name="time">Clock.</param>
    public ProfileWriteRateLimiter(SmartChargingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _burst = Math.Max(0, options.PersistentProfileWriteBurst);
        _interval = options.PersistentProfileWriteInterval > TimeSpan.Zero ? options.PersistentProfileWriteInterval : TimeSpan.FromSeconds(1);
        _time = time;
    }

    /// <summary>Whether a profile of this purpose is limited at all.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>True for the purposes K01.FR.27 requires to persist.</returns>
    public static bool IsLimited(ChargingProfilePurposeEnumType purpose) =>
        purpose is ChargingProfilePurposeEnumType.ChargingStationMaxProfile or ChargingProfilePurposeEnumType.TxDefaultProfile or ChargingProfilePurposeEnumType.PriorityCharging;

    /// <summary>Takes one write of <paramref name="purpose"/> from its bucket.</summary>
    /// <param name="purpose">The purpose of the profile to store.</param>
    /// <returns>Null when the write may go ahead, else the statusInfo of the rejection (RateLimitExceeded, retry delay).</returns>
    public StatusInfoType? TryAcquire(ChargingProfilePurposeEnumType purpose)
    {
        if (_burst == 0 || !IsLimited(purpose))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var (tokens, at) = _buckets.TryGetValue(purpose, out var bucket) ? bucket : (_burst, now);
            tokens = Math.Min(_burst, tokens + ((now - at) / _interval));
            if (tokens >= 1)
            {
                _buckets[purpose] = (tokens - 1, now);
                return null;
            }

            _buckets[purpose] = (tokens, now);
            var wait = Math.Max(1, (int)Math.Ceiling((1 - tokens) * _interval.TotalSeconds));
            return new StatusInfoType
            {
                ReasonCode = "RateLimitExceeded",

                // K01.FR.57: the wording the spec gives the CSMS to parse.
                AdditionalInfo = wait.ToString(CultureInfo.InvariantCulture) + " seconds before retry",
            };
        }
    }
}
