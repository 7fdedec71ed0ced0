namespace ChargerController.Hardware.Ports;

/// <summary>Creates serial links; injected so tools and tests can swap the device layer.</summary>
public interface ISerialLinkFactory
{
    /// <summary>Creates a link (not yet opened) with the given line settings.</summary>
    /// <param name="options">Device path and line settings.</param>
    /// <returns>The link; the caller owns and disposes it.</returns>
    ISerialLink Create(SerialPortLinkOptions options);
}
