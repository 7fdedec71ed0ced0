namespace ChargerController.Hardware.Tests.Pty;

/// <summary>Finds files of the repository (meter profiles, dumps) from the test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestsDir => Path.Combine(Root, "tests", "ChargerController.Hardware.Tests");

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
