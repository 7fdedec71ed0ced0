using System.Text.Json;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>A CALL waiting for its turn or for its answer.</summary>
internal abstract class PendingCall
{
    protected PendingCall(string action, string messageId, byte[] payload, byte[] frame, CancellationToken callerToken)
    {
        Action = action;
        MessageId = messageId;
        Payload = payload;
        Frame = frame;
        CallerToken = callerToken;
    }

    public string Action { get; }

    public string MessageId { get; }
    /// <summary>The CALL payload as built (2.1 model), kept so the frame can be projected for a 2.0.1 connection at send time.</summary>
    public byte[] Payload { get; }

    /// <summary>The complete CALL frame to send.</summary>
    public byte[] Frame { get; set; }

    public CancellationToken CallerToken { get; }

    /// <summary>Gets a task that completes when the call is settled, whatever the outcome (never faults).</summary>
    public abstract Task Settled { get; }

    /// <summary>Converts the CALLRESULT payload; a violation means "could not process" (CALLRESULTERROR).</summary>
    public abstract PayloadViolation? TryComplete(JsonElement payload);

    public abstract void Fail(Exception exception);
}
