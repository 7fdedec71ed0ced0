using System.Globalization;
using System.Reflection;

namespace ChargerController.Storage.Migrations;

/// <summary>The migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>), in order.</summary>
public static class MigrationCatalog
{
    /// <summary>Loads every embedded migration, ordered by version; fails on gaps or duplicate numbers.</summary>
    /// <returns>The migrations.</returns>
    public static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal)))
        {
            var file = name["Migrations/".Length..];
            var version = int.Parse(file.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            list.Add(new Migration(version, file, Read(assembly, name)));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration numbering broken at {list[i].Name}: expected {i + 1:D4}.");
            }
        }

        return list;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
