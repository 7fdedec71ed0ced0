namespace ChargerController.Control.Wire;

/// <summary>The CSMS message the station's display shows now (OCPP SetDisplayMessage), in <see cref="StationStatus"/>.</summary>
/// <param name="Id">The message id the CSMS gave.</param>
/// <param name="Priority"><c>AlwaysFront</c>, <c>InFront</c> or <c>NormalCycle</c>.</param>
/// <param name="Format"><c>ASCII</c>, <c>UTF8</c>, <c>URI</c>, <c>HTML</c> or <c>QRCODE</c>.</param>
/// <param name="Language">RFC 5646 language of the content, null when the CSMS gave none.</param>
/// <param name="Content">The text shown.</param>
/// <param name="TransactionId">The transaction the message belongs to, null for station-wide messages.</param>
public sealed record DisplayMessageStatus(int Id, string Priority, string Format, string? Language, string Content, string? TransactionId);
