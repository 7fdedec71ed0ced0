namespace ChargerController.Station.Authorization;

/// <summary>
/// Capacities of the authorization stores, reported as the <c>maxLimit</c> of <c>AuthCacheCtrlr.Storage</c>,
/// <c>LocalAuthListCtrlr.Entries</c> and <c>LocalAuthListCtrlr.Storage</c>. Sized for a Raspberry Pi's SD card and RAM:
/// 10,000 list entries and 4 MiB of cache are a few MB in SQLite and keep every lookup an in-memory dictionary hit.
/// </summary>
public static class AuthorizationLimits
{
    /// <summary>Maximum bytes of cached IdTokenInfo (JSON size); the cache evicts by policy beyond it (C10.FR.07).</summary>
    public const int CacheStorageBytes = 4 * 1024 * 1024;

    /// <summary>Maximum entries in the local authorization list (SendLocalList beyond it is answered <c>Failed</c>).</summary>
    public const int LocalListEntries = 10_000;

    /// <summary>Maximum bytes of the local list (JSON size of its entries).</summary>
    public const int LocalListStorageBytes = 8 * 1024 * 1024;

    /// <summary>Entries accepted in one SendLocalListRequest (<c>LocalAuthListCtrlr.ItemsPerMessage</c>).</summary>
    public const int ItemsPerMessage = 250;

    /// <summary>Bytes accepted in one SendLocalListRequest (<c>LocalAuthListCtrlr.BytesPerMessage</c>).</summary>
    public const int BytesPerMessage = 65_000;
}
