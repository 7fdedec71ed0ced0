using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Validation;

/// <summary>Every schema file of both versions as xunit theory data: (version, file name).</summary>
internal static class SchemaCases
{
    public static IEnumerable<(OcppVersion Version, SchemaRoot Root, string FileName)> All() =>
        OcppSchemaModels.V21.Roots.Select(r => (OcppVersion.V21, r, FileName(r)))
            .Concat(OcppSchemaModels.V201.Roots.Select(r => (OcppVersion.V201, r, FileName(r))));

    public static string FileName(SchemaRoot root) => root.Kind switch
    {
        PayloadKind.Request => root.Action + "Request",
        PayloadKind.Response => root.Action + "Response",
        _ => root.Action,
    };

    public static string Folder(OcppVersion version) =>
        version == OcppVersion.V21 ? Generator.RepositoryPaths.Schemas21 : Generator.RepositoryPaths.Schemas201;
}
