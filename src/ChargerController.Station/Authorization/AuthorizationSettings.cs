using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Authorization;

/// <summary>The AuthCtrlr / AuthCacheCtrlr / LocalAuthListCtrlr values one decision uses, read once per decision.</summary>
internal sealed record AuthorizationSettings(
    bool Enabled,
    bool AuthorizeRemoteStart,
    bool LocalAuthorizeOffline,
    bool LocalPreAuthorize,
    bool OfflineTxForUnknownIdEnabled,
    bool DisableRemoteAuthorization,
    string? MasterPassGroupId,
    bool CacheEnabled,
    bool CacheDisablePostAuthorize,
    bool ListEnabled,
    bool ListDisablePostAuthorize,
    bool ListSupportsExpiryDateTime)
{
    public static AuthorizationSettings Read(StationDeviceModel model)
    {
        const string Auth = DeviceModelCatalog.AuthCtrlr;
        const string Cache = DeviceModelCatalog.AuthCacheCtrlr;
        const string List = DeviceModelCatalog.LocalAuthListCtrlr;
        var masterPass = model.GetValue(VariableKey.Of(Auth, "MasterPassGroupId"));
        return new AuthorizationSettings(
            model.GetBool(Auth, "Enabled", true),
            model.GetBool(Auth, "AuthorizeRemoteStart", true),
            model.GetBool(Auth, "LocalAuthorizeOffline", true),
            model.GetBool(Auth, "LocalPreAuthorize", true),
            model.GetBool(Auth, "OfflineTxForUnknownIdEnabled", false),
            model.GetBool(Auth, "DisableRemoteAuthorization", false),
            string.IsNullOrEmpty(masterPass) ? null : masterPass,
            model.GetBool(Cache, "Available", true) && model.GetBool(Cache, "Enabled", true),
            model.GetBool(Cache, "DisablePostAuthorize", false),
            model.GetBool(List, "Available", true) && model.GetBool(List, "Enabled", true),
            model.GetBool(List, "DisablePostAuthorize", false),
            model.GetBool(List, "SupportsExpiryDateTime", false));
    }
}
