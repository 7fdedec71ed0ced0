using System.Runtime.InteropServices;
using System.Text;

namespace ChargerController.Hardware.Tests.Pty;

/// <summary>
/// A real pseudo-terminal created in-process (posix_openpt). The product opens <see cref="SlavePath"/> like any tty;
/// the device emulator reads and writes the master side. No socat needed.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;

    public PseudoTerminal()
    {
        _master = PtyNative.posix_openpt(PtyNative.ORdWr | PtyNative.ONoCtty);
        if (_master < 0)
        {
            throw new IOException($"posix_openpt failed: errno {Marshal.GetLastPInvokeError()}");
        }

        if (PtyNative.grantpt(_master) != 0 || PtyNative.unlockpt(_master) != 0)
        {
            throw new IOException($"grantpt/unlockpt failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = stackalloc byte[128];
        if (PtyNative.ptsname_r(_master, name, 128) != 0)
        {
            throw new IOException("ptsname_r failed");
        }

        var span = new ReadOnlySpan<byte>(name, 128);
        var length = span.IndexOf((byte)0);
        SlavePath = Encoding.ASCII.GetString(span[..(length < 0 ? span.Length : length)]);
        MakeRaw(_master);

        // The slave starts in cooked mode with ECHO on: make it raw too, so nothing the emulator writes before the
        // product opens the port is echoed back or mangled.
        var slave = PtyNative.open(SlavePath, PtyNative.ORdWr | PtyNative.ONoCtty);
        if (slave >= 0)
        {
            MakeRaw(slave);
            PtyNative.close(slave);
        }
    }

    /// <summary>Path of the slave device, e.g. /dev/pts/7.</summary>
    public string SlavePath { get; }

    public bool IsClosed => _master < 0;

    /// <summary>Reads what is available, waiting at most <paramref name="timeoutMs"/>. Returns 0 on timeout or when no slave is open.</summary>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        var fd = _master;
        if (fd < 0)
        {
            return 0;
        }

        var pfd = new PtyNative.PollFd { Fd = fd, Events = PtyNative.PollIn };
        var ready = PtyNative.poll(&pfd, 1, timeoutMs);
        if (ready <= 0)
        {
            return 0;
        }

        if ((pfd.REvents & PtyNative.PollIn) == 0)
        {
            // POLLHUP alone: nobody holds the slave open right now; avoid a busy loop.
            Thread.Sleep(Math.Min(timeoutMs, 5));
            return 0;
        }

        fixed (byte* p = buffer)
        {
            var n = PtyNative.read(fd, p, (nuint)buffer.Length);
            return n > 0 ? (int)n : 0;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = PtyNative.write(_master, p + done, (nuint)(data.Length - done));
                if (n <= 0)
                {
                    throw new IOException($"pty write failed: errno {Marshal.GetLastPInvokeError()}");
                }

                done += (int)n;
            }
        }
    }

    /// <summary>Closes the master: the slave sees a hang-up, as when a USB adapter is pulled.</summary>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _master, -1);
        if (fd >= 0)
        {
            PtyNative.close(fd);
        }
    }

    private static void MakeRaw(int fd)
    {
        var termios = stackalloc byte[256];
        if (PtyNative.tcgetattr(fd, termios) == 0)
        {
            PtyNative.cfmakeraw(termios);
            PtyNative.tcsetattr(fd, PtyNative.TcsaNow, termios);
        }
    }
}
