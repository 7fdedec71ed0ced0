using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Contracts;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>
/// The IRfidReader contract for the RDM6300 driver over a real pseudo-terminal, in real time: the emulated module repeats
/// the frame of the tag in its field every 50 ms, as the module does while a tag stays in its field.
/// </summary>
public sealed class Rdm6300ReaderContractTests : RfidReaderContractTests, IDisposable
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

    protected override TimeProvider Clock => TimeProvider.System;

    protected override byte[] CardA => [0x1A, 0x00, 0xF2, 0x3A, 0x91];

    protected override byte[] CardB => [0x2B, 0x00, 0x00, 0x00, 0x07];

    protected override CardTechnology Technology => CardTechnology.Em4100;

    public void Dispose()
    {
        using (var done = new ManualResetEvent(false))
        {
            _emitter.Dispose(done);
            done.WaitOne(TimeSpan.FromSeconds(5));
        }

        _link.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pty.Dispose();
    }

    protected override IRfidReader CreateReader() => new Rdm6300Reader(_link, new RfidReaderOptions(), TimeProvider.System);

    protected override Task PresentAsync(byte[] uid)
    {
        _present = uid;
        return Task.CompletedTask;
    }

    protected override Task RemoveCardAsync()
    {
        _present = null;
        return Task.CompletedTask;
    }

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);

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
}
