namespace ChargerController.Station.Runtime;

/// <summary>Where the station is in the boot sequence (B01-B03).</summary>
public enum RegistrationState
{
    /// <summary>No BootNotification answered yet.</summary>
    Unregistered,

    /// <summary>The CSMS answered <c>Pending</c> (B02).</summary>
    Pending,

    /// <summary>The CSMS answered <c>Accepted</c> (B01).</summary>
    Accepted,

    /// <summary>The CSMS answered <c>Rejected</c> (B03).</summary>
    Rejected,
}
