using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Contracts;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Rfid;

/// <summary>
/// The IRfidReader contract for the PN532 driver over a real pseudo-terminal with an emulated chip, in real time: the
/// chip reports the card in its field on every InListPassiveTarget poll (every 20 ms here).
/// </summary>
public sealed class Pn532ReaderContractTests : RfidReaderContractTests, IDisposable
{
    private readonly PseudoTerminal _pty = new();
    private readonly Pn532Responder _chip;
    private readonly SerialPortLink _link;

    public Pn532ReaderContractTests()
    {
        _chip = new Pn532Responder(_pty);
        _link = new SerialPortLink(new SerialPortLinkOptions { PortName = _pty.SlavePath, BaudRate = 115200 });
    }

    protected override TimeProvider Clock => TimeProvider.System;

    protected override byte[] CardA => [0x04, 0xA2, 0x24, 0xBA, 0x1C, 0x3E, 0x80];

    protected override byte[] CardB => [0x04, 0xA2, 0x1B, 0x5C];

    protected override CardTechnology Technology => CardTechnology.Iso14443A;

    public void Dispose()
    {
        _link.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _chip.Dispose();
        _pty.Dispose();
    }

    protected override IRfidReader CreateReader() =>
        new Pn532Reader(_link, new RfidReaderOptions { PollInterval = TimeSpan.FromMilliseconds(20) }, TimeProvider.System);

    protected override Task PresentAsync(byte[] uid)
    {
        _chip.CardUid = uid;
        return Task.CompletedTask;
    }

    protected override Task RemoveCardAsync()
    {
        _chip.CardUid = null;
        return Task.CompletedTask;
    }

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);
}
