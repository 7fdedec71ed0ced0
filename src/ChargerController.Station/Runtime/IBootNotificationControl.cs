namespace ChargerController.Station.Runtime;

/// <summary>The boot sequence as other blocks see it (TriggerMessage BootNotification, F06.FR.17).</summary>
public interface IBootNotificationControl
{
    /// <summary>Gets the registration state.</summary>
    RegistrationState Registration { get; }

    /// <summary>Sends a BootNotification with reason <c>Triggered</c> now instead of waiting for the interval (B02.FR.08).</summary>
    void SendBootNotificationNow();
}
