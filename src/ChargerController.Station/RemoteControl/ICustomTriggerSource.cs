using ChargerController.Ocpp.Enums;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.RemoteControl;

/// <summary>
/// A custom trigger (OCPP 2.1 F06.FR.18): a message the station sends when TriggerMessage asks for
/// <c>requestedMessage = CustomTrigger</c> with <c>customTrigger</c> = <see cref="CustomTrigger"/>. Register it as an
/// <see cref="ITriggeredMessageSource"/> and list its name in <c>StationIdentity.CustomTriggers</c>, so
/// CustomizationCtrlr.CustomTriggers reports it.
/// </summary>
public interface ICustomTriggerSource : ITriggeredMessageSource
{
    /// <summary>Gets the name in <c>customTrigger</c> (at most 50 characters, case-sensitive).</summary>
    string CustomTrigger { get; }

    /// <summary>
    /// Gets whether the trigger can be served for <paramref name="evseId"/> now (false answers <c>Rejected</c>); false for
    /// <see langword="null"/> means the station cannot serve it at all (answered <c>NotImplemented</c>, F06.FR.19).
    /// </summary>
    /// <param name="evseId">The EVSE of the request, or null for all.</param>
    /// <returns>True to accept.</returns>
    bool Accepts(int? evseId);

    /// <summary>Sends the message with current data (F06.FR.09) after the Accepted answer.</summary>
    /// <param name="evseId">The EVSE, or null for all (F06.FR.11).</param>
    /// <param name="sender">The sender (use <see cref="IStationMessageSender.CallRequestedAsync{TRequest,TResponse}"/>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    Task SendCustomAsync(int? evseId, IStationMessageSender sender, CancellationToken cancellationToken);

    /// <inheritdoc/>
    bool ITriggeredMessageSource.Supports(MessageTriggerEnumType message) => false;

    /// <inheritdoc/>
    Task ITriggeredMessageSource.SendAsync(MessageTriggerEnumType message, int? evseId, IStationMessageSender sender, CancellationToken cancellationToken) => Task.CompletedTask;
}
