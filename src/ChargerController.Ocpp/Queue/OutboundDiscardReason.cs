namespace ChargerController.Ocpp.Queue;

/// <summary>Why a message left the queue without the CSMS having accepted it (kept in the discard log and counted).</summary>
public enum OutboundDiscardReason
{
    /// <summary>Every attempt was answered by CALLERROR or timed out (E13.FR.04).</summary>
    AttemptsExhausted = 0,

    /// <summary>Thinned to stay within the disk budget: an intermediate periodic Updated event (E12.FR.04/05, J02.FR.12/13).</summary>
    CapacityThinning = 1,

    /// <summary>Not transaction-related and <c>QueueAllMessages</c> is false while offline.</summary>
    NotQueuedOffline = 2,

    /// <summary>Removed by an operator (e.g. <c>chargerctl queue purge</c>).</summary>
    Purged = 3,
}
