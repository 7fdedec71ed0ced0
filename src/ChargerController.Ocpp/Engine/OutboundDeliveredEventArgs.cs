using System.Text.Json;
using ChargerController.Ocpp.Queue;

namespace ChargerController.Ocpp.Engine;

/// <summary>A queued message left the queue: answered, or given up on.</summary>
public sealed class OutboundDeliveredEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="OutboundDeliveredEventArgs"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="response">The CALLRESULT payload when answered.</param>
    /// <param name="error">Why it was dropped or not processed, otherwise <see langword="null"/>.</param>
    public OutboundDeliveredEventArgs(OutboundMessage message, JsonElement? response, Exception? error)
    {
        Message = message;
        Response = response;
        Error = error;
    }

    /// <summary>Gets the message.</summary>
    public OutboundMessage Message { get; }

    /// <summary>Gets the CALLRESULT payload when the CSMS answered it.</summary>
    public JsonElement? Response { get; }

    /// <summary>Gets the last error when the message was dropped after its attempts, or its answer could not be processed.</summary>
    public Exception? Error { get; }
}
