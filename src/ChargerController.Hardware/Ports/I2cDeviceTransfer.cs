using System.Device.I2c;

namespace ChargerController.Hardware.Ports;

/// <summary>An I²C device on <c>/dev/i2c-N</c> behind <see cref="II2cTransfer"/>.</summary>
public sealed class I2cDeviceTransfer : II2cTransfer
{
    private readonly I2cDevice device;

    internal I2cDeviceTransfer(I2cDevice device) => this.device = device;

    /// <summary>Opens a device on a bus.</summary>
    /// <param name="busId">Bus number (1 for the header's GPIO2/3).</param>
    /// <param name="address">7-bit address.</param>
    /// <returns>The device.</returns>
    /// <exception cref="IOException">I²C is not enabled (<c>dtparam=i2c_arm=on</c>) or not permitted (group <c>i2c</c>).</exception>
    public static I2cDeviceTransfer Open(int busId, int address)
    {
        if (address is < 0x03 or > 0x77)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "7-bit I²C addresses are 0x03–0x77.");
        }

        return new I2cDeviceTransfer(I2cDevice.Create(new I2cConnectionSettings(busId, address)));
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> data) => device.Write(data);

    /// <inheritdoc />
    public void Read(Span<byte> data) => device.Read(data);

    /// <inheritdoc />
    public void Dispose() => device.Dispose();
}
