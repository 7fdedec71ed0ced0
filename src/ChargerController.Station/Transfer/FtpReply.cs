namespace ChargerController.Station.Transfer;

/// <summary>One FTP reply (RFC 959 §4.2): the three-digit code and the text of its last line.</summary>
/// <param name="Code">The reply code.</param>
/// <param name="Text">The text.</param>
public readonly record struct FtpReply(int Code, string Text);
