using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>The IRfidReader contract for the PN532 driver over a real pseudo-terminal with an emulated chip.</summary>
public sealed class Pn532ReaderContractTests : RfidReaderContractTests
{
    private readonly PseudoTerminal _pty = new();
    private readonly Pn532Responder _chip;
    private readonly SerialPortLink _link;

    public Pn532ReaderContractTests()
    {
        _chip = new Pn532Responder(_pty);
        _link = new SerialPortLink(new SerialPortLinkOptions { PortName = _pty.SlavePath, BaudRate = 115200 });
    }

    protected override byte[] CardA => [0x04, 0xA2, 0x24, 0xBA, 0x1C, 0x3E, 0x80];

    protected override byte[] CardB => [0x04, 0xA2, 0x1B, 0x5C];

    protected override IRfidReader CreateReader() =>
        new Pn532Reader(_link, new RfidReaderOptions { PollInterval = TimeSpan.FromMilliseconds(20) }, TimeProvider.System);

    protected override void Present(byte[] uid) => _chip.CardUid = uid;

    public override void Dispose()
    {
        _link.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _chip.Dispose();
        _pty.Dispose();
        base.Dispose();
    }
}
