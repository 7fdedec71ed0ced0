using System.Globalization;
using System.Text.Json;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Rfid;

namespace ChargerController.Cli.Output;

/// <summary>Prints card reads as text or JSON lines.</summary>
public static class CardReadRenderer
{
    /// <summary>Writes one card read.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="card">The read.</param>
    /// <param name="json">JSON (one object per line) instead of text.</param>
    public static void Write(TextWriter output, CardRead card, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(card);
        var token = RfidIdTokenMapper.Map(card);
        if (json)
        {
            var document = new CardReadJson { Uid = token.IdToken, IdTokenType = token.Type, RandomUid = token.IsRandomUid, Timestamp = card.Timestamp };
            output.WriteLine(JsonSerializer.Serialize(document, CliJsonContext.Default.CardReadJson));
            return;
        }

        var warning = token.IsRandomUid ? "  (random UID: unusable for authorization)" : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{card.Timestamp:HH:mm:ss}  {token.IdToken,-20} {token.Type,-9} {card.Technology}{warning}"));
    }
}
