using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.DeviceModel;

/// <content>Authorization (block C) and local list (block D) controllers: AuthCtrlr, AuthCacheCtrlr, LocalAuthListCtrlr.</content>
public static partial class DeviceModelCatalog
{
    /// <summary>The authorization controller (C01-C16).</summary>
    public const string AuthCtrlr = "AuthCtrlr";

    /// <summary>The authorization cache controller (C10-C12).</summary>
    public const string AuthCacheCtrlr = "AuthCacheCtrlr";

    /// <summary>The local authorization list controller (D01/D02, C13/C14).</summary>
    public const string LocalAuthListCtrlr = "LocalAuthListCtrlr";

    static partial void AddAuthorization(List<VariableDefinition> list, StationIdentity identity)
    {
        list.AddRange(
        [
            Bool(AuthCtrlr, "Enabled", "true"),
            Bool(AuthCtrlr, "AuthorizeRemoteStart", "true"),
            Bool(AuthCtrlr, "LocalAuthorizeOffline", "true"),
            Bool(AuthCtrlr, "LocalPreAuthorize", "true"),
            Bool(AuthCtrlr, "OfflineTxForUnknownIdEnabled", "false"),
            Bool(AuthCtrlr, "DisableRemoteAuthorization", "false"),
            Str(AuthCtrlr, "MasterPassGroupId", null, max: 36),
            // Spelled as in the 2.1 dm_components_vars.csv (Part 2 Ed.1's table writes SupportedIdTokenTypes).
            Str(AuthCtrlr, "SupportedIdTokenType", "ISO14443,ISO15693,Local,Central,NoAuthorization,KeyCode", ro: true) with
            {
                DataType = DataEnumType.MemberList,
                ValuesList = "Central,DirectPayment,eMAID,EVCCID,ISO14443,ISO15693,KeyCode,Local,MacAddress,NoAuthorization,VIN",
            },
            Bool(AuthCacheCtrlr, "Available", "true", ro: true),
            Bool(AuthCacheCtrlr, "Enabled", "true"),
            Int(AuthCacheCtrlr, "LifeTime", "86400", min: 0, max: 31536000, unit: "s"),
            Str(AuthCacheCtrlr, "Policy", "LRU") with { DataType = DataEnumType.OptionList, ValuesList = "LRU,LFU,FIFO" },
            Bool(AuthCacheCtrlr, "DisablePostAuthorize", "false"),
            Int(AuthCacheCtrlr, "Storage", "0", ro: true, max: AuthorizationLimits.CacheStorageBytes, unit: "B") with { Persistent = false },
            Int(AuthCacheCtrlr, "Entries", "0", ro: true) with { Persistent = false },
            Bool(LocalAuthListCtrlr, "Available", "true", ro: true),
            Bool(LocalAuthListCtrlr, "Enabled", "true"),
            Int(LocalAuthListCtrlr, "Entries", "0", ro: true, max: AuthorizationLimits.LocalListEntries) with { Persistent = false },
            Int(LocalAuthListCtrlr, "ItemsPerMessage", AuthorizationLimits.ItemsPerMessage.ToString(System.Globalization.CultureInfo.InvariantCulture), ro: true),
            Int(LocalAuthListCtrlr, "BytesPerMessage", AuthorizationLimits.BytesPerMessage.ToString(System.Globalization.CultureInfo.InvariantCulture), ro: true),
            Int(LocalAuthListCtrlr, "Storage", "0", ro: true, max: AuthorizationLimits.LocalListStorageBytes, unit: "B") with { Persistent = false },
            Bool(LocalAuthListCtrlr, "DisablePostAuthorize", "false"),
            Bool(LocalAuthListCtrlr, "SupportsExpiryDateTime", "true", ro: true),
        ]);
    }
}
