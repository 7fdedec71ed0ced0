using System.Text.Json;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>A CALL waiting for its turn or for its answer.</summary>
internal abstract class PendingCall
{
    protected PendingCall(string action, string messageId, byte[] frame, CancellationToken callerToken)
    {
        Action = action;
        MessageId = messageId;
        Frame = frame;
        CallerToken = callerToken;
    }

    public string Action { get; }

    public string MessageId { get; }

    public byte[] Frame { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Gets a task that completes when the call is settled, whatever the outcome (never faults).</summary>
    public abstract Task Settled { get; }

    /// <summary>Converts the CALLRESULT payload; a violation means "could not process" (CALLRESULTERROR).</summary>
    public abstract PayloadViolation? TryComplete(JsonElement payload);

    public abstract void Fail(Exception exception);
}
