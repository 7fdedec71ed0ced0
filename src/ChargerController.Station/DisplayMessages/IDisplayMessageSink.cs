namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// A physical (or virtual) display. The display block calls every registered sink whenever the message to show changes;
/// hardware makers register theirs with <c>services.AddSingleton&lt;IDisplayMessageSink, MyLcd&gt;()</c>. Called on the
/// block's timer or on an OCPP handler: return quickly and never throw (exceptions are logged and ignored).
/// </summary>
public interface IDisplayMessageSink
{
    /// <summary>Shows a message, or clears the CSMS message (the station's own screen) when null.</summary>
    /// <param name="message">The message or null.</param>
    void Show(DisplayedMessage? message);
}
