namespace ChargerController.IntegrationTests.Worker;

/// <summary>The state directory: a directory the user named is never silently replaced.</summary>
public sealed class ChargerdStateDirTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chargerd-state").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task ExplicitStateDir_Unusable_Exit2_NamingIt()
    {
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "not a directory");
        var stateDir = Path.Combine(file, "state");

        await using var chargerd = ChargerdProcess.Start("--simulate", "--state-dir", stateDir, "--control-socket", Path.Combine(dir, "c.sock"));

        Assert.Equal(2, await chargerd.WaitForExitAsync(ProcessWait.Timeout));
        Assert.Contains(stateDir, chargerd.StandardError, StringComparison.Ordinal);
        Assert.Contains("--state-dir", chargerd.StandardError, StringComparison.Ordinal);
    }
}
