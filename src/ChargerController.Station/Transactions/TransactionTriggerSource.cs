using ChargerController.Ocpp.Enums;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Transactions;

/// <summary>TriggerMessage for MeterValues and TransactionEvent (F06.FR.06/07).</summary>
public sealed class TransactionTriggerSource : ITriggeredMessageSource
{
    private readonly TransactionManager _manager;

    /// <summary>Initializes a new instance of the <see cref="TransactionTriggerSource"/> class.</summary>
    /// <param name="manager">The transaction manager.</param>
    public TransactionTriggerSource(TransactionManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public bool Supports(MessageTriggerEnumType message) => message is MessageTriggerEnumType.MeterValues or MessageTriggerEnumType.TransactionEvent;

    /// <inheritdoc/>
    public Task SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return message == MessageTriggerEnumType.MeterValues
            ? _manager.TriggerMeterValuesAsync(evseId, sender, cancellationToken)
            : _manager.TriggerTransactionEventAsync(evseId, cancellationToken);
    }
}
