using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>The IRfidReader contract for the RDM6300 driver over a real pseudo-terminal; the "module" repeats its frame every 50 ms.</summary>
public sealed class Rdm6300ReaderContractTests : RfidReaderContractTests
{
    private readonly PseudoTerminal _pty = new();
    private readonly SerialPortLink _link;
    private readonly Timer _emitter;
    private volatile byte[]? _present;

    public Rdm6300ReaderContractTests()
    {
        _link = new SerialPortLink(new SerialPortLinkOptions { PortName = _pty.SlavePath });
        _emitter = new Timer(_ => Emit(), null, 0, 50);
    }

    protected override byte[] CardA => [0x1A, 0x00, 0xF2, 0x3A, 0x91];

    protected override byte[] CardB => [0x2B, 0x00, 0x00, 0x00, 0x07];

    protected override IRfidReader CreateReader() => new Rdm6300Reader(_link, new RfidReaderOptions(), TimeProvider.System);

    protected override void Present(byte[] uid) => _present = uid;

    private void Emit()
    {
        try
        {
            if (_present is { } uid && !_pty.IsClosed)
            {
                _pty.Write(Rdm6300Frames.Build(uid));
            }
        }
        catch (IOException)
        {
            // The test is tearing the pty down.
        }
    }

    public override void Dispose()
    {
        using (var done = new ManualResetEvent(false))
        {
            _emitter.Dispose(done);
            done.WaitOne(TimeSpan.FromSeconds(5));
        }

        _link.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pty.Dispose();
        base.Dispose();
    }
}
