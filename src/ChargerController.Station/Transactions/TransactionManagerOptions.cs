using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Transactions;

/// <summary>Host facts the transaction manager cannot read from the device model.</summary>
public sealed record TransactionManagerOptions
{
    /// <summary>
    /// Gets the stoppedReason for transactions found open at start-up and not resumed (E17.FR.21/22): <c>PowerLoss</c> after
    /// an unexpected stop (default), <c>Reboot</c> when the host knows it restarted on purpose.
    /// </summary>
    public ReasonEnumType RestartReason { get; init; } = ReasonEnumType.PowerLoss;

    /// <summary>Gets the connector id reported in <c>evse.connectorId</c> (one connector per EVSE on this hardware).</summary>
    public int ConnectorId { get; init; } = 1;

    /// <summary>Gets how long a meter read may take before the event goes without meter values.</summary>
    public TimeSpan MeterReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Gets how often an active E16 limit or MaxEnergyOnInvalidId allowance is checked against the meter and the clock.
    /// At 22 kW one second is about 6 Wh, well inside a meter's resolution (E16.FR.19).
    /// </summary>
    public TimeSpan LimitCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
