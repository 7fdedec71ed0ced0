namespace ChargerController.Hardware.Tests.Pty;

/// <summary>Runs a device emulator on the master side of a pseudo-terminal on its own thread until disposed.</summary>
public abstract class PtyDeviceLoop : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

    protected PtyDeviceLoop(PseudoTerminal pty)
    {
        Pty = pty;
        _thread = new Thread(Run) { IsBackground = true, Name = GetType().Name };
    }

    public PseudoTerminal Pty { get; }

    /// <summary>Exception that ended the loop, if any (asserted by tests through <see cref="Dispose"/>).</summary>
    public Exception? Failure { get; private set; }

    public void Start() => _thread.Start();

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Handles received bytes; returns what to send back (may be empty).</summary>
    protected abstract void OnReceived(ReadOnlySpan<byte> data);

    private void Run()
    {
        var buffer = new byte[1024];
        try
        {
            while (!_stop && !Pty.IsClosed)
            {
                var n = Pty.Read(buffer, 20);
                if (n > 0)
                {
                    OnReceived(buffer.AsSpan(0, n));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The test closed the master to simulate a pulled adapter.
            if (!Pty.IsClosed)
            {
                Failure = ex;
            }
        }
    }
}
