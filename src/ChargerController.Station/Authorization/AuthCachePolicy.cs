namespace ChargerController.Station.Authorization;

/// <summary>The cache replacement policy (<c>AuthCacheCtrlr.Policy</c>, Part 2 §2.5.5) used when the cache is full (C10.FR.07).</summary>
public enum AuthCachePolicy
{
    /// <summary>Least recently used goes first.</summary>
    LRU,

    /// <summary>Least frequently used goes first (ties: least recently used).</summary>
    LFU,

    /// <summary>First in (oldest update from the CSMS) goes first.</summary>
    FIFO,
}
