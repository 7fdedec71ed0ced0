using System.Runtime.InteropServices;
using System.Text;

namespace ChargerController.Benchmarks.Meters;

/// <summary>Minimal in-process pseudo-terminal (a trimmed copy of the test kit in tests/…/Pty, kept separate so the bench has no test dependency).</summary>
internal sealed unsafe partial class BenchPseudoTerminal : IDisposable
{
    private int _master;

    public BenchPseudoTerminal()
    {
        _master = posix_openpt(0x0002 | 0x0100);
        if (_master < 0 || grantpt(_master) != 0 || unlockpt(_master) != 0)
        {
            throw new IOException("cannot create a pseudo-terminal");
        }

        var name = stackalloc byte[128];
        _ = ptsname_r(_master, name, 128);
        var span = new ReadOnlySpan<byte>(name, 128);
        SlavePath = Encoding.ASCII.GetString(span[..span.IndexOf((byte)0)]);
        var termios = stackalloc byte[256];
        if (tcgetattr(_master, termios) == 0)
        {
            cfmakeraw(termios);
            _ = tcsetattr(_master, 0, termios);
        }
    }

    public string SlavePath { get; }

    public int Read(Span<byte> buffer, int timeoutMs)
    {
        var pfd = new PollFd { Fd = _master, Events = 1 };
        if (_master < 0 || poll(&pfd, 1, timeoutMs) <= 0 || (pfd.REvents & 1) == 0)
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            var n = read(_master, p, (nuint)buffer.Length);
            return n > 0 ? (int)n : 0;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            _ = write(_master, p, (nuint)data.Length);
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _master, -1);
        if (fd >= 0)
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc")]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc")]
    private static partial int grantpt(int fd);

    [LibraryImport("libc")]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc")]
    private static partial int ptsname_r(int fd, byte* buf, nuint buflen);

    [LibraryImport("libc")]
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc")]
    private static partial int tcsetattr(int fd, int actions, byte* termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc")]
    private static partial nint read(int fd, byte* buf, nuint count);

    [LibraryImport("libc")]
    private static partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport("libc")]
    private static partial int poll(PollFd* fds, nuint nfds, int timeout);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }
}
