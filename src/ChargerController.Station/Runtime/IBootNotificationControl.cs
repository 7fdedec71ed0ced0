namespace ChargerController.Station.Runtime;

/// <summary>The boot sequence as other blocks see it (TriggerMessage BootNotification, F06.FR.17).</summary>
public interface IBootNotificationControl
{
    /// <summary>Gets the registration state.</summary>
    RegistrationState Registration { get; }

    /// <summary>Sends a BootNotification with reason <c>Triggered</c> now instead of waiting for the interval (B02.FR.08).</summary>
    void SendBootNotificationNow();

    /// <summary>
    /// Registers again on the connection being opened (B10.FR.10): a BootNotification goes first and nothing else is sent
    /// until it is accepted, as after a boot, although the station did not reboot. No-op while a boot sequence still runs.
    /// </summary>
    void ReestablishRegistration();
}
