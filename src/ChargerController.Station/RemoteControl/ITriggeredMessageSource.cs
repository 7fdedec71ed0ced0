using ChargerController.Ocpp.Enums;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.RemoteControl;

/// <summary>A block that can send a message on request of TriggerMessage (meter values, transactions, logs, firmware, certificates).</summary>
public interface ITriggeredMessageSource
{
    /// <summary>Gets whether this source sends <paramref name="message"/>.</summary>
    /// <param name="message">The requested message.</param>
    /// <returns>True when it does.</returns>
    bool Supports(MessageTriggerEnumType message);

    /// <summary>Sends the message with current data (F06.FR.09/10) for one EVSE or all (F06.FR.11).</summary>
    /// <param name="message">The requested message.</param>
    /// <param name="evseId">EVSE id or null for all.</param>
    /// <param name="sender">Sender (use <see cref="IStationMessageSender.CallRequestedAsync{TRequest,TResponse}"/>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    Task SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken);
}
