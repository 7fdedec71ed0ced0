namespace ChargerController.IntegrationTests.Architecture;

/// <summary>Finds the repository root from the test's working directory, so rules read the real tree.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

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
