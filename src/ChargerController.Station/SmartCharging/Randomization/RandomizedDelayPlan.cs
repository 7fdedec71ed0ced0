using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging.Randomization;

/// <summary>
/// The random delays of randomizedDelay schedules, drawn once per transaction and profile (K01.FR.93): at the start of
/// the transaction for the profiles then installed, or when a profile arrives (or is replaced) during it. They stay fixed
/// for that transaction, so the limit and GetCompositeSchedule agree; the next transaction draws anew (TC_K_108). An
/// idle EVSE has no delays (K08.FR.06).
/// </summary>
public sealed class RandomizedDelayPlan
{
    private readonly IRandomDelaySource _random;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TransactionId, int ProfileId), (ChargingProfileType Profile, int[] Delays)> _drawn = [];

    /// <summary>Initializes a new instance of the <see cref="RandomizedDelayPlan"/> class.</summary>
    /// <param name="random">Random source.</param>
    public RandomizedDelayPlan(IRandomDelaySource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>Gets how many (transaction, profile) draws are held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _drawn.Count;
            }
        }
    }

    /// <summary>The delays of a profile in a transaction, drawn on first use and then fixed until the profile is replaced.</summary>
    /// <param name="transactionId">The transaction.</param>
    /// <param name="profile">The profile as installed.</param>
    /// <returns>Seconds per period (index 0 is 0), or null when the schedule has no randomizedDelay.</returns>
    public IReadOnlyList<int>? DelaysFor(string transactionId, ChargingProfileType profile)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ChargingSchedule is not { Length: > 0 } schedules || schedules[0].RandomizedDelay is not > 0 || schedules[0].ChargingSchedulePeriod is not { Length: > 0 } periods)
        {
            return null;
        }

        var key = (transactionId, profile.Id);
        lock (_gate)
        {
            // A replaced profile (same id, new object: K01.FR.05) is a new submission during the transaction: draw again.
            if (_drawn.TryGetValue(key, out var held) && ReferenceEquals(held.Profile, profile))
            {
                return held.Delays;
            }

            var maximum = schedules[0].RandomizedDelay!.Value;
            var delays = new int[periods.Length];
            for (var i = 0; i < delays.Length; i++)
            {
                delays[i] = periods[i].StartPeriod > 0 ? Math.Clamp(_random.NextDelaySeconds(maximum), 0, maximum) : 0;
            }

            _drawn[key] = (profile, delays);
            return delays;
        }
    }

    /// <summary>Drops the draws of every transaction not in <paramref name="running"/>.</summary>
    /// <param name="running">Transactions still running.</param>
    public void KeepOnly(IReadOnlyCollection<string> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        lock (_gate)
        {
            foreach (var key in _drawn.Keys.Where(k => !running.Contains(k.TransactionId)).ToList())
            {
                _drawn.Remove(key);
            }
        }
    }
}
