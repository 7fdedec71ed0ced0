using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// The IRfidReader contract against the jig's real reader (skipped unless CHARGER_ONDEVICE=1). CHARGER_RFID_READER
/// (rdm6300 or pn532, default rdm6300) and CHARGER_RFID_PORT (default /dev/charger-rfid, the udev name) select it;
/// CHARGER_RFID_CARD_A and CHARGER_RFID_CARD_B give the hex UIDs of the jig's two test cards. Cards are presented by
/// the person running the suite: each step is announced on the controlling terminal (/dev/tty, so the test runner's
/// output capture does not hide it) and waited for with a generous timeout.
/// </summary>
[Trait("Category", "OnDevice")]
public sealed class SerialRfidReaderOnDeviceContractTests : RfidReaderContractTests, IDisposable
{
    private readonly bool isPn532 = (Environment.GetEnvironmentVariable("CHARGER_RFID_READER") ?? "rdm6300") == "pn532";
    private readonly SerialPortLink link;

    public SerialRfidReaderOnDeviceContractTests()
    {
        link = new SerialPortLink(new SerialPortLinkOptions
        {
            PortName = Environment.GetEnvironmentVariable("CHARGER_RFID_PORT") ?? "/dev/charger-rfid",
            BaudRate = isPn532 ? 115_200 : 9600,
        });
    }

    protected override TimeProvider Clock => TimeProvider.System;

    protected override byte[] CardA => Card("CHARGER_RFID_CARD_A");

    protected override byte[] CardB => Card("CHARGER_RFID_CARD_B");

    protected override CardTechnology Technology => isPn532 ? CardTechnology.Iso14443A : CardTechnology.Em4100;

    protected override TimeSpan ReadTimeout => TimeSpan.FromSeconds(60);

    public void Dispose() => link.DisposeAsync().AsTask().GetAwaiter().GetResult();

    protected override IRfidReader CreateReader() => isPn532
        ? new Pn532Reader(link, new RfidReaderOptions(), TimeProvider.System)
        : new Rdm6300Reader(link, new RfidReaderOptions(), TimeProvider.System);

    protected override Task PresentAsync(byte[] uid) =>
        AskAsync($"Hold card {Convert.ToHexString(uid)} on the reader (take any other card away) and keep it there until asked.");

    protected override async Task RemoveCardAsync()
    {
        await AskAsync("Take every card away from the reader (5 s).");
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);

    private static byte[] Card(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } hex
            ? Convert.FromHexString(hex)
            : throw new InvalidOperationException($"Set {variable} to the hex UID of a jig test card.");

    private static async Task AskAsync(string step)
    {
        await using var terminal = new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write));
        await terminal.WriteLineAsync($"[RFID contract] {step}");
    }
}
