namespace ChargerController.Hardware.Rfid;

/// <summary>One frame received from a PN532.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Payload">For <see cref="Pn532FrameKind.Response"/>: the response code followed by its data (TFI removed); otherwise empty.</param>
public sealed record Pn532ReceivedFrame(Pn532FrameKind Kind, byte[] Payload);
