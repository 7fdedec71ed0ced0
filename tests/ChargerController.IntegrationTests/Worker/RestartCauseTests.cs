using ChargerController.Ocpp.Enums;
using ChargerController.Worker.Ocpp;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>E17.FR.21/22: PowerLoss after a machine boot, Reboot after a restart of chargerd alone.</summary>
public sealed class RestartCauseTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("restart-cause").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Classify_FirstRun_PowerLoss_SameBoot_Reboot_NewBoot_PowerLoss()
    {
        Assert.Equal(ReasonEnumType.PowerLoss, RestartCause.Classify(dir, () => "boot-a\n"));
        Assert.Equal(ReasonEnumType.Reboot, RestartCause.Classify(dir, () => "boot-a\n"));
        Assert.Equal(ReasonEnumType.PowerLoss, RestartCause.Classify(dir, () => "boot-b\n"));
        Assert.Equal(ReasonEnumType.Reboot, RestartCause.Classify(dir, () => "boot-b"));
        Assert.Equal("boot-b", File.ReadAllText(Path.Combine(dir, RestartCause.FileName)));
    }

    [Fact]
    public void Classify_NoBootId_PowerLoss_RecordsNothing()
    {
        Assert.Equal(ReasonEnumType.PowerLoss, RestartCause.Classify(dir, () => null));
        Assert.Equal(ReasonEnumType.PowerLoss, RestartCause.Classify(dir, () => null));
        Assert.False(File.Exists(Path.Combine(dir, RestartCause.FileName)));
    }

    [Fact]
    public void ReadLinuxBootId_OnLinux_IsAUuid()
    {
        Assert.True(Guid.TryParse(RestartCause.ReadLinuxBootId(), out _));
    }
}
