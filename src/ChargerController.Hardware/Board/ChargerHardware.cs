using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Hardware.Board;

/// <summary>
/// Everything real of a one-EVSE charger: the board's GPIO/PWM/ADC devices (<see cref="BoardDevices"/>), the energy meter
/// on its RS-485 line and the RFID reader on its UART. chargerd composes the station from this without <c>--simulate</c>.
/// </summary>
/// <remarks>
/// The serial lines are not opened here: <see cref="SerialPortLink"/> opens on first use and reopens after an error, so a
/// USB adapter that is missing at boot or replugged later is picked up without restarting the service (the meter read
/// fails as <c>PortUnavailable</c> meanwhile, which the EVSE treats as a meter fault).
/// </remarks>
public sealed class ChargerHardware : IAsyncDisposable
{
    private readonly Rs485Bus? meterBus;
    private readonly ISerialLink? rfidLink;

    private ChargerHardware(BoardDevices board, Rs485Bus? meterBus, ModbusEnergyMeter? meter, SerialPortLinkOptions? meterLink, ISerialLink? rfidLink, IRfidReader? reader, SerialPortLinkOptions? rfidLinkOptions)
    {
        Board = board;
        this.meterBus = meterBus;
        Meter = meter;
        MeterLink = meterLink;
        this.rfidLink = rfidLink;
        RfidReader = reader;
        RfidLink = rfidLinkOptions;
    }

    /// <summary>The board devices (pilot, contactor, lock, RCD monitor, indicators).</summary>
    public BoardDevices Board { get; }

    /// <summary>The energy meter, when one is configured.</summary>
    public ModbusEnergyMeter? Meter { get; }

    /// <summary>The meter's line settings as used (configuration over the profile's factory defaults).</summary>
    public SerialPortLinkOptions? MeterLink { get; }

    /// <summary>The RFID reader, when one is configured.</summary>
    public IRfidReader? RfidReader { get; }

    /// <summary>The reader's line settings as used.</summary>
    public SerialPortLinkOptions? RfidLink { get; }

    /// <summary>Opens the board devices and creates the meter and reader drivers.</summary>
    /// <param name="board">The validated board profile.</param>
    /// <param name="meter">The meter, or <see langword="null"/> for none.</param>
    /// <param name="rfid">The reader, or <see langword="null"/> for none (free vend or remote start only).</param>
    /// <param name="timeProvider">The station clock.</param>
    /// <param name="ports">Opens the board's device nodes.</param>
    /// <param name="serial">Creates the serial links.</param>
    /// <param name="meters">Meter register maps.</param>
    /// <param name="loggerFactory">Loggers for the bus and reader, or <see langword="null"/>.</param>
    /// <returns>The hardware; dispose it to drive every output safe and release the devices.</returns>
    /// <exception cref="BoardProfileException">The board profile or the meter/reader settings are invalid (all problems listed).</exception>
    /// <exception cref="MeterProfileException">The meter profile is unknown or invalid.</exception>
    /// <exception cref="IOException">A board device node is missing or not permitted.</exception>
    /// <exception cref="InvalidOperationException">No GPIO chip or PWM chip matches the profile.</exception>
    public static ChargerHardware Open(
        HardwareOptions board,
        SerialMeterOptions? meter,
        SerialRfidOptions? rfid,
        TimeProvider timeProvider,
        IBoardPorts ports,
        ISerialLinkFactory serial,
        MeterProfileCatalog meters,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(serial);
        ArgumentNullException.ThrowIfNull(meters);
        loggerFactory ??= NullLoggerFactory.Instance;

        // Serial settings first: a typo there must not leave the board's outputs half-opened.
        var meterProfile = meter is null ? null : meters.Get(meter.Profile);
        var meterLink = meter is null ? null : MeterLinkOptions(meter, meterProfile!);
        var rfidLinkOptions = rfid is null ? null : RfidLinkOptions(rfid);

        var devices = BoardDevices.Open(board, timeProvider, ports);
        try
        {
            return Compose(devices, meter, meterProfile, meterLink, rfid, rfidLinkOptions, timeProvider, serial, loggerFactory);
        }
        catch
        {
            devices.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The board first: the contactor opens and the CP goes to state F before the buses go away.
        Board.Dispose();
        if (meterBus is not null)
        {
            await meterBus.DisposeAsync().ConfigureAwait(false);
        }

        if (rfidLink is not null)
        {
            await rfidLink.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ChargerHardware Compose(
        BoardDevices devices,
        SerialMeterOptions? meter,
        MeterProfile? meterProfile,
        SerialPortLinkOptions? meterLink,
        SerialRfidOptions? rfid,
        SerialPortLinkOptions? rfidLinkOptions,
        TimeProvider timeProvider,
        ISerialLinkFactory serial,
        ILoggerFactory loggerFactory)
    {
        Rs485Bus? bus = null;
        ModbusEnergyMeter? energyMeter = null;
        ISerialLink? readerLink = null;
        IRfidReader? reader = null;
        if (meterLink is not null)
        {
            bus = new Rs485Bus(
                serial.Create(meterLink),
                new ModbusRtuMasterOptions { BaudRate = meterLink.BaudRate, BitsPerCharacter = meterLink.BitsPerCharacter },
                timeProvider,
                logger: loggerFactory.CreateLogger<Rs485Bus>());
            energyMeter = new ModbusEnergyMeter(bus, meterProfile!, (byte)(meter!.SlaveAddress ?? meterProfile!.SerialDefaults.SlaveAddress), timeProvider);
        }

        if (rfidLinkOptions is not null)
        {
            readerLink = serial.Create(rfidLinkOptions);
            reader = rfid!.Reader == RfidReaderKind.Pn532
                ? new Pn532Reader(readerLink, new RfidReaderOptions(), timeProvider, loggerFactory.CreateLogger<Pn532Reader>())
                : new Rdm6300Reader(readerLink, new RfidReaderOptions(), timeProvider, loggerFactory.CreateLogger<Rdm6300Reader>());
        }

        return new ChargerHardware(devices, bus, energyMeter, meterLink, readerLink, reader, rfidLinkOptions);
    }

    private static SerialPortLinkOptions MeterLinkOptions(SerialMeterOptions meter, MeterProfile profile)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(meter.Port))
        {
            errors.Add("Meter.Port: the serial device of the RS-485 adapter is required (e.g. /dev/charger-meter)");
        }

        if (meter.SlaveAddress is < 1 or > 247)
        {
            errors.Add($"Meter.SlaveAddress: {meter.SlaveAddress} is not a Modbus slave address (1-247)");
        }

        var defaults = profile.SerialDefaults;
        var link = new SerialPortLinkOptions
        {
            PortName = meter.Port,
            BaudRate = meter.BaudRate ?? defaults.BaudRate,
            Parity = meter.Parity ?? defaults.Parity,
            StopBits = meter.StopBits ?? defaults.StopBits,
        };
        Check(link, "Meter", errors);
        return errors.Count == 0 ? link : throw new BoardProfileException("Meter", errors);
    }

    private static SerialPortLinkOptions RfidLinkOptions(SerialRfidOptions rfid)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(rfid.Port))
        {
            errors.Add("Rfid.Port: the serial device of the reader is required (e.g. /dev/charger-rfid)");
        }

        if (!Enum.IsDefined(rfid.Reader))
        {
            errors.Add($"Rfid.Reader: '{rfid.Reader}' is not a supported reader (Rdm6300, Pn532)");
        }

        var link = new SerialPortLinkOptions
        {
            PortName = rfid.Port,
            BaudRate = rfid.BaudRate ?? (rfid.Reader == RfidReaderKind.Pn532 ? 115_200 : 9600),
        };
        Check(link, "Rfid", errors);
        return errors.Count == 0 ? link : throw new BoardProfileException("Rfid", errors);
    }

    private static void Check(SerialPortLinkOptions link, string section, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(link.PortName))
        {
            return;
        }

        try
        {
            link.Validate();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{section}: {ex.Message}");
        }
    }
}
