using ChargerController.Control.Client;

namespace ChargerController.Control.Tests;

public sealed class ControlSocketPathTests
{
    [Fact]
    public void UserFallback_WithXdgRuntimeDir_IsUnderIt()
    {
        var path = ControlSocketPath.UserFallback(name => name == "XDG_RUNTIME_DIR" ? "/run/user/1000" : null);

        Assert.Equal("/run/user/1000/chargercontroller/control.sock", path);
    }

    [Fact]
    public void UserFallback_WithoutXdgRuntimeDir_IsPerUserUnderTmp()
    {
        var path = ControlSocketPath.UserFallback(name => name == "USER" ? "alice" : null);

        Assert.Equal(Path.Combine(Path.GetTempPath(), "chargercontroller-alice", "control.sock"), path);
    }

    [Fact]
    public void UserFallback_RelativeXdgRuntimeDir_IsIgnored()
    {
        var path = ControlSocketPath.UserFallback(name => name switch { "XDG_RUNTIME_DIR" => "relative/dir", "USER" => "bob", _ => null });

        Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
    }

    [Fact]
    public void ForClient_PerUserSocketExists_AndNoServiceSocket_FindsIt()
    {
        if (File.Exists(ControlSocketPath.ServiceDefault))
        {
            return; // an installed service on this machine wins by design
        }

        var dir = Directory.CreateTempSubdirectory("xdg").FullName;
        try
        {
            var env = (string name) => name == "XDG_RUNTIME_DIR" ? dir : null;
            Assert.Equal(ControlSocketPath.ServiceDefault, ControlSocketPath.ForClient(env));

            var socket = ControlSocketPath.UserFallback(env);
            Directory.CreateDirectory(Path.GetDirectoryName(socket)!);
            File.WriteAllText(socket, string.Empty);

            Assert.Equal(socket, ControlSocketPath.ForClient(env));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ForServer_ServiceDirectoryNotWritable_FallsBackToUserPath()
    {
        if (Directory.Exists(Path.GetDirectoryName(ControlSocketPath.ServiceDefault)))
        {
            return; // the service's runtime directory exists here: whether it is writable depends on the machine
        }

        var env = (string name) => name == "XDG_RUNTIME_DIR" ? "/run/user/4242" : null;

        var path = ControlSocketPath.ForServer(env);

        Assert.Equal("/run/user/4242/chargercontroller/control.sock", path);
    }
}
