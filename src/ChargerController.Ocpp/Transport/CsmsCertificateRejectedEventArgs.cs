namespace ChargerController.Ocpp.Transport;

/// <summary>
/// The CSMS server certificate was refused and the connection closed (A00.FR.308-311): the station should raise the
/// security event <c>InvalidCsmsCertificate</c> (SecurityEventNotification) once it is connected again.
/// </summary>
public sealed class CsmsCertificateRejectedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="CsmsCertificateRejectedEventArgs"/> class.</summary>
    /// <param name="subject">Subject of the presented certificate, if any.</param>
    /// <param name="reason">Why it was refused.</param>
    public CsmsCertificateRejectedEventArgs(string? subject, string reason)
    {
        Subject = subject;
        Reason = reason;
    }

    /// <summary>Gets the subject of the presented certificate, if any.</summary>
    public string? Subject { get; }

    /// <summary>Gets why it was refused (e.g. chain not trusted, host name mismatch, wildcard).</summary>
    public string Reason { get; }
}
