using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Payment;

/// <summary>
/// Shows payment content through the display block's sinks as station messages: id <c>-1000 - evseId</c> (negative ids
/// never come from a CSMS, whose ids are &gt;= 0), priority NormalCycle, format QRCODE for the code and UTF8 for text.
/// </summary>
public sealed class DisplaySinkPaymentDisplay : IPaymentDisplay
{
    /// <summary>The id of the payment message of EVSE 0; EVSE n uses <c>MessageIdBase - n</c>.</summary>
    public const int MessageIdBase = -1000;

    private readonly IReadOnlyList<IDisplayMessageSink> sinks;

    /// <summary>Initializes a new instance of the <see cref="DisplaySinkPaymentDisplay"/> class.</summary>
    /// <param name="sinks">The display sinks.</param>
    public DisplaySinkPaymentDisplay(IEnumerable<IDisplayMessageSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        this.sinks = [.. sinks];
    }

    /// <inheritdoc />
    public void ShowQrCode(int evseId, string url) => Show(new DisplayedMessage(MessageIdBase - evseId, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.QRCODE, null, url, null));

    /// <inheritdoc />
    public void ShowText(int evseId, string text) => Show(new DisplayedMessage(MessageIdBase - evseId, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.UTF8, null, text, null));

    /// <inheritdoc />
    public void Clear(int evseId) => Show(null);

    private void Show(DisplayedMessage? message)
    {
        foreach (var sink in sinks)
        {
            sink.Show(message);
        }
    }
}
