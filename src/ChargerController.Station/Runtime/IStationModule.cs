namespace ChargerController.Station.Runtime;

/// <summary>
/// A functional block of the station (authorization, transactions, smart charging, security, monitoring …) that plugs
/// into the <see cref="StationRuntime"/>: it registers its CSMS-initiated handlers and keeps the sender for its own
/// messages. Blocks are attached once, in registration order, before the connection starts, so the runtime never needs
/// to know the blocks and each block lives in its own folder.
/// </summary>
public interface IStationModule
{
    /// <summary>Registers handlers and takes what the block needs from the runtime.</summary>
    /// <param name="context">The runtime's services.</param>
    void Attach(StationModuleContext context);
}
