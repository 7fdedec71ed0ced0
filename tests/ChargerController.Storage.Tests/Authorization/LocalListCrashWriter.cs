using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using ChargerController.Storage.Authorization;

namespace ChargerController.Storage.Tests.Authorization;

/// <summary>
/// The child side of the local-list power-loss test: applies SendLocalList updates forever (Full lists
/// and Differential ones that rewrite every entry) and prints <c>ack N</c> once version N is durable. The parent
/// SIGKILLs it mid-update.
/// </summary>
internal static class LocalListCrashWriter
{
    public const string Switch = "--local-list-crash-writer";

    /// <summary>The list every version must consist of: 50 tokens whose idTokenInfo names the version that wrote them.</summary>
    public static IReadOnlyList<AuthorizationData> Entries(int version) =>
        [.. Enumerable.Range(0, 50).Select(i => new AuthorizationData
        {
            IdToken = new IdTokenType { IdToken = "T" + i.ToString("D3", CultureInfo.InvariantCulture), Type = "ISO14443" },
            IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, Language1 = "v" + version.ToString(CultureInfo.InvariantCulture) },
        })];

    public static async Task<int> RunAsync(string path)
    {
        var list = new LocalAuthorizationList(new SqliteLocalAuthorizationListStore(new StationDatabase(path)));
        var stdout = Console.Out;
        for (var version = 1; ; version++)
        {
            var (status, _) = version % 2 == 1
                ? list.Apply(UpdateEnumType.Full, version, Entries(version))
                : list.Apply(UpdateEnumType.Differential, version, Entries(version));
            if (status != SendLocalListStatusEnumType.Accepted)
            {
                return 1;
            }

            await stdout.WriteLineAsync("ack " + version.ToString(CultureInfo.InvariantCulture));
            await stdout.FlushAsync();
        }
    }
}
