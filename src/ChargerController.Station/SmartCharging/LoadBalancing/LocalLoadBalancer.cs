namespace ChargerController.Station.SmartCharging.LoadBalancing;

/// <summary>
/// Shares a station budget (amperes per phase) between EVSEs (K04 local load balancing). Pure. The sum of what it hands
/// out never exceeds the budget (every EVSE is counted as if on the same phase, which is safe for mixed 1/3-phase EVs):
/// <list type="number">
/// <item>Suspended EVSEs keep their minimum, so the EV can resume (IEC 61851-1: below 6 A there is no PWM to resume on).</item>
/// <item>Charging EVSEs share the rest by water-filling: equal shares, an EVSE whose own limit is lower takes only that
/// and leaves the remainder to the others. If a share falls below an EVSE's minimum, the lowest-precedence EVSE pauses
/// (0 A) and the shares are recomputed (K01.FR.21: charging below minChargingRate is not worthwhile).</item>
/// <item>What is left tops up the suspended EVSEs, then goes to the idle ones in turn, so a newly plugged EV never
/// starts above the budget; the next rebalance (on its first event) gives it a fair share.</item>
/// </list>
/// </summary>
public static class LocalLoadBalancer
{
    /// <summary>Allocates the budget.</summary>
    /// <param name="budgetA">Station budget, amperes per phase.</param>
    /// <param name="evses">The EVSEs.</param>
    /// <returns>Allocation per EVSE id, amperes per phase (0 = pause).</returns>
    public static IReadOnlyDictionary<int, double> Allocate(double budgetA, IReadOnlyList<LoadBalancerEvse> evses)
    {
        ArgumentNullException.ThrowIfNull(evses);
        var result = new Dictionary<int, double>(evses.Count);
        var remaining = double.IsNaN(budgetA) ? 0 : Math.Max(0, budgetA);

        foreach (var evse in evses.Where(e => e.Demand == EvseDemand.Suspended).OrderBy(e => e.Rank))
        {
            var keep = Math.Min(Math.Max(0, evse.LimitA), evse.MinimumA);
            keep = keep <= remaining && keep >= evse.MinimumA ? keep : 0;
            result[evse.EvseId] = keep;
            remaining -= keep;
        }

        var charging = evses.Where(e => e.Demand == EvseDemand.Charging).OrderBy(e => e.Rank).ToList();
        var paused = false;
        while (charging.Count > 0)
        {
            var shares = WaterFill(remaining, charging);
            if (charging.TrueForAll(e => shares[e.EvseId] >= e.MinimumA))
            {
                foreach (var (id, share) in shares)
                {
                    result[id] = share;
                    remaining -= share;
                }

                break;
            }

            // Someone would charge below the minimum: the lowest-precedence EVSE pauses and the others share again.
            var victim = charging[^1];
            paused = true;
            result[victim.EvseId] = 0;
            charging.RemoveAt(charging.Count - 1);
        }

        // What is left tops up the suspended EVSEs (so an EV that resumes is not held at the minimum when there is room;
        // not while a charging EV had to pause),
        // then goes to the idle ones one after the other, so the sum never exceeds the budget even if EVs plug in at once.
        foreach (var evse in evses.Where(e => !paused && e.Demand == EvseDemand.Suspended && result[e.EvseId] > 0).OrderBy(e => e.Rank))
        {
            var extra = Math.Min(Math.Max(0, evse.LimitA) - result[evse.EvseId], remaining);
            result[evse.EvseId] += Math.Max(0, extra);
            remaining -= Math.Max(0, extra);
        }

        foreach (var evse in evses.Where(e => e.Demand == EvseDemand.Idle).OrderBy(e => e.Rank))
        {
            var give = Math.Min(Math.Max(0, evse.LimitA), Math.Max(0, remaining));
            result[evse.EvseId] = give;
            remaining -= give;
        }

        return result;
    }

    private static Dictionary<int, double> WaterFill(double budget, List<LoadBalancerEvse> evses)
    {
        var shares = new Dictionary<int, double>(evses.Count);
        var open = evses.OrderBy(e => e.LimitA).ToList();
        var left = budget;
        while (open.Count > 0)
        {
            var share = left / open.Count;
            var capped = open[0];
            if (Math.Max(0, capped.LimitA) <= share)
            {
                var take = Math.Max(0, capped.LimitA);
                shares[capped.EvseId] = take;
                left -= take;
                open.RemoveAt(0);
                continue;
            }

            foreach (var evse in open)
            {
                shares[evse.EvseId] = share;
            }

            break;
        }

        return shares;
    }
}
