namespace ChargerController.Hardware.Tests.Board;

/// <summary>Finds files of this repository (the board profiles are data in hardware/boards/, tested as shipped).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string BoardsDirectory => Path.Combine(Root, "hardware", "boards");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChargerController.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (ChargerController.sln) not found above " + AppContext.BaseDirectory);
    }
}
