using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;

namespace ChargerController.Station.Authorization;

/// <summary>
/// The size an entry counts against <c>Storage</c> (AuthCacheCtrlr/LocalAuthListCtrlr): the UTF-8 JSON of token and
/// info, which is what the SQLite stores keep, so the reported bytes match the file's payload.
/// </summary>
internal static class EntrySize
{
    public static int Of(IdTokenType idToken, IdTokenInfoType? info)
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(idToken, OcppJsonContext.Default.IdTokenType).Length;
        return info is null ? size : size + JsonSerializer.SerializeToUtf8Bytes(info, OcppJsonContext.Default.IdTokenInfoType).Length;
    }
}
