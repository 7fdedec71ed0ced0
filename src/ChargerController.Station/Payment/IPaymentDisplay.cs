namespace ChargerController.Station.Payment;

/// <summary>
/// Where the payment block shows the driver its QR code, feedback and receipt URL. The default
/// <see cref="DisplaySinkPaymentDisplay"/> hands them to the display block's <c>IDisplayMessageSink</c>s; a maker with a
/// display per EVSE can register its own.
/// </summary>
public interface IPaymentDisplay
{
    /// <summary>Shows a payment URL as QR code for an EVSE (C25).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="url">The URL.</param>
    void ShowQrCode(int evseId, string url);

    /// <summary>Shows a line of text for an EVSE, e.g. the web payment feedback (C25.FR.22) or a receipt URL (C21).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="text">The text.</param>
    void ShowText(int evseId, string text);

    /// <summary>Removes what the payment block shows for an EVSE.</summary>
    /// <param name="evseId">The EVSE.</param>
    void Clear(int evseId);
}
