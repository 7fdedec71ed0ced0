using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>The message a display shows now: one CSMS message in the one format/language chosen for this display.</summary>
/// <param name="Id">The message id the CSMS gave.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="Format">The format of <paramref name="Content"/>.</param>
/// <param name="Language">The RFC 5646 language of <paramref name="Content"/>, when the CSMS gave one.</param>
/// <param name="Content">What to show.</param>
/// <param name="TransactionId">The transaction it belongs to, if any.</param>
public sealed record DisplayedMessage(int Id, MessagePriorityEnumType Priority, MessageFormatEnumType Format, string? Language, string Content, string? TransactionId);
