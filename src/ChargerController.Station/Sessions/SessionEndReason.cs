namespace ChargerController.Station.Sessions;

/// <summary>Why a session ended; the transaction layer maps it to triggerReason / stoppedReason (E06, E07, E09, F03, C16).</summary>
public enum SessionEndReason
{
    /// <summary>The EV was unplugged (E09/E10: EVCommunicationLost / EVDisconnected).</summary>
    EvDisconnected = 0,

    /// <summary>Stopped locally by the starting token or one of its group (E07, C09: StopAuthorized / Local).</summary>
    LocalStop,

    /// <summary>Stopped by RequestStopTransaction (F03: RemoteStop / Remote).</summary>
    RemoteStop,

    /// <summary>No EV connected within EVConnectionTimeOut (E03: EVConnectTimeout / Timeout).</summary>
    ConnectionTimeout,

    /// <summary>The CSMS withdrew the authorization (E05 StopTxOnInvalidId: Deauthorized / DeAuthorized).</summary>
    Deauthorized,

    /// <summary>A master pass ended every session (C16: StopAuthorized / MasterPass).</summary>
    MasterPass,

    /// <summary>A connector unlock was commanded (F05: UnlockCommand / UnlockCommand).</summary>
    UnlockCommand,

    /// <summary>A reset ended the sessions (B12: ResetCommand / ImmediateReset).</summary>
    Reset,

    /// <summary>Any other reason (a technician's stop, availability change).</summary>
    Other,
}
