namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>Station-side choices GetLog leaves open.</summary>
public sealed class LogUploadOptions
{
    /// <summary>Gets the HTTP method for http/https locations (N01.FR.18).</summary>
    public LogUploadHttpMethod HttpMethod { get; init; } = LogUploadHttpMethod.Put;

    /// <summary>Gets the retries when GetLog has no <c>retries</c> ("left to the Charging Station").</summary>
    public int DefaultRetries { get; init; } = 2;

    /// <summary>Gets the wait between attempts when GetLog has no <c>retryInterval</c>.</summary>
    public TimeSpan DefaultRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long one upload attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the security log file every raised security event is appended to (N01.FR.03); null = none kept here.</summary>
    public SecurityEventLogFile? SecurityLog { get; init; }

    /// <summary>Gets the upper bound of retries honoured, whatever the CSMS asks (a typo must not keep the station busy for days).</summary>
    public int MaxRetries { get; init; } = 10;
}
