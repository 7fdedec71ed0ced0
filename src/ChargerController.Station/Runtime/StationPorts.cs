using ChargerController.Ocpp.Queue;
using ChargerController.Station.Availability;
using ChargerController.Station.DataTransfer;
using ChargerController.Station.Provisioning;
using ChargerController.Station.RemoteControl;

namespace ChargerController.Station.Runtime;

/// <summary>What the OCPP runtime needs from the rest of the station and the host.</summary>
public sealed record StationPorts
{
    /// <summary>Gets the connectors (EVSE loops).</summary>
    public required IConnectorStatusSource Connectors { get; init; }

    /// <summary>Gets the reboot port (the Worker).</summary>
    public required IResetPort Reset { get; init; }

    /// <summary>Gets the transaction layer.</summary>
    public IStationTransactions Transactions { get; init; } = new NoStationTransactions();

    /// <summary>Gets the outbound queue (SQLite in production).</summary>
    public IOutboundQueue? OutboundQueue { get; init; }

    /// <summary>Gets the DataTransfer vendor handlers.</summary>
    public IReadOnlyList<IDataTransferVendorHandler> Vendors { get; init; } = [];

    /// <summary>Gets the functional blocks attached to the runtime (authorization, transactions, smart charging …), in order.</summary>
    public IReadOnlyList<IStationModule> Modules { get; init; } = [];

    /// <summary>Gets the blocks that can send messages on TriggerMessage.</summary>
    public IReadOnlyList<ITriggeredMessageSource> TriggerSources { get; init; } = [];

    /// <summary>Gets the per-EVSE reset port (B11.FR.08); null = resetting an individual EVSE is not supported (B11.FR.09).</summary>
    public IEvseResetPort? EvseReset { get; init; }
}
