namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// The sink that remembers what is shown, for <c>chargerctl status</c> (in <c>--simulate</c> this is the display).
/// Always registered by <see cref="DisplayMessageServiceCollectionExtensions.AddDisplayMessages"/>.
/// </summary>
public sealed class CurrentDisplayMessage : IDisplayMessageSink
{
    private volatile DisplayedMessage? _current;

    /// <summary>Gets the message shown now, or null.</summary>
    public DisplayedMessage? Current => _current;

    /// <inheritdoc/>
    public void Show(DisplayedMessage? message) => _current = message;
}
