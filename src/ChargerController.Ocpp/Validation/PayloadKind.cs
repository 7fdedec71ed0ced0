namespace ChargerController.Ocpp.Validation;

/// <summary>Which schema of an action a payload is checked against.</summary>
public enum PayloadKind
{
    /// <summary>The CALL payload: <c>&lt;Action&gt;Request.json</c>.</summary>
    Request,

    /// <summary>The CALLRESULT payload: <c>&lt;Action&gt;Response.json</c>.</summary>
    Response,

    /// <summary>The SEND payload: <c>&lt;Action&gt;.json</c> (OCPP 2.1 only, e.g. NotifyPeriodicEventStream).</summary>
    Send,
}
