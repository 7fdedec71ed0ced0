using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Storage;

namespace ChargerController.Worker.ControlSocket;

/// <summary>diag.database: size, schema version and row counts of the station database, for support bundles.</summary>
internal sealed class DiagnosticsCommands(StationDatabase database) : IControlCommandModule
{
    public void Register(ControlRequestRouter router) =>
        router.Map(ControlCommands.DiagDatabase, (_, _) => ValueTask.FromResult(
            new ControlResponse(true, JsonSerializer.SerializeToElement(Read(), ControlJsonContext.Default.DatabaseStats))));

    private DatabaseStats Read()
    {
        using var connection = database.Open();
        int version;
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA user_version;";
            version = Convert.ToInt32(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var count = connection.CreateCommand();
#pragma warning disable CA2100 // The name comes from sqlite_master and is quoted as an identifier.
            count.CommandText = "SELECT COUNT(*) FROM \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\";";
#pragma warning restore CA2100
            tables[name] = (long)count.ExecuteScalar()!;
        }

        return new DatabaseStats(database.Path, Size(database.Path), Size(database.Path + "-wal"), version, tables);
    }

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
