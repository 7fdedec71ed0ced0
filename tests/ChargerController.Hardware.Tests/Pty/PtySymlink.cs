namespace ChargerController.Hardware.Tests.Pty;

/// <summary>A stable device name (like a udev symlink) that can be re-pointed at a new pseudo-terminal: "adapter unplugged and plugged back".</summary>
public sealed class PtySymlink : IDisposable
{
    public PtySymlink()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-tty-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string Path { get; }

    public void PointTo(PseudoTerminal pty)
    {
        Remove();
        File.CreateSymbolicLink(Path, pty.SlavePath);
    }

    public void Remove()
    {
        if (File.Exists(Path) || new FileInfo(Path).LinkTarget is not null)
        {
            File.Delete(Path);
        }
    }

    public void Dispose() => Remove();
}
