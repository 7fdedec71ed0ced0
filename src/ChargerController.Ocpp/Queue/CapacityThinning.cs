namespace ChargerController.Ocpp.Queue;

/// <summary>
/// Chooses which droppable Updated events go when the queue is short of space. E12.FR.05 / J02.FR.13: drop
/// intermediate messages first (1st, 3rd, 5th …) rather than truncating from the start or refusing new ones, so the
/// remaining series still spans the whole offline period. Passes start at the oldest candidate; if one pass does not
/// free enough, the survivors are thinned again the same way.
/// </summary>
public static class CapacityThinning
{
    /// <summary>Selects the messages to drop.</summary>
    /// <param name="candidates">Droppable messages in queue order.</param>
    /// <param name="bytesToFree">Bytes to free (≤ 0: nothing).</param>
    /// <returns>Sequences to drop, ascending; fewer bytes than asked when the candidates run out.</returns>
    public static IReadOnlyList<long> Select(IReadOnlyList<ThinningCandidate> candidates, long bytesToFree)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var dropped = new List<long>();
        var remaining = candidates.ToList();
        long freed = 0;
        while (freed < bytesToFree && remaining.Count > 0)
        {
            var survivors = new List<ThinningCandidate>(remaining.Count / 2 + 1);
            for (var i = 0; i < remaining.Count; i++)
            {
                if (i % 2 == 0 && freed < bytesToFree)
                {
                    dropped.Add(remaining[i].Sequence);
                    freed += remaining[i].Bytes;
                }
                else
                {
                    survivors.Add(remaining[i]);
                }
            }

            remaining = survivors;
        }

        dropped.Sort();
        return dropped;
    }
}
