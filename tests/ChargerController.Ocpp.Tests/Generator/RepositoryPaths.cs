namespace ChargerController.Ocpp.Tests.Generator;

/// <summary>Finds the repository root (the folder holding ChargerController.sln) so tests read the real tree.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string OcppProject => Path.Combine(Root, "src", "ChargerController.Ocpp");

    public static string Schemas21 => Path.Combine(OcppProject, "Schemas", "v2.1");

    public static string Schemas201 => Path.Combine(OcppProject, "Schemas", "v2.0.1");

    public static string GoldenFrames => Path.Combine(Root, "tests", "ChargerController.Ocpp.Tests", "GoldenFrames");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChargerController.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChargerController.sln not found above " + AppContext.BaseDirectory);
    }
}
