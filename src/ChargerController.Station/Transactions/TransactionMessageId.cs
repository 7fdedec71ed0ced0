using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace ChargerController.Station.Transactions;

/// <summary>
/// The OCPP-J message id of a TransactionEvent, derived from its transactionId and seqNo: the same event always gets
/// the same id, different events (a transactionId is unique, seqNo unique within it) different ids. A UUID (36
/// characters, Part 4 §4.1.1 allows at most 36) with version 8 (RFC 9562 "custom": the first 122 bits of XXH128 over
/// "transactionId/seqNo").
/// </summary>
/// <remarks>
/// The id has to be stable and unique, not secret or forgery-proof, so a 128-bit non-cryptographic hash does: it is
/// computed in managed code, where SHA-256 would load OpenSSL (about 3.5 MB resident) into a station that has no TLS
/// connection to need it (docs/PERFORMANCE.md, "chargerd memory (session 6)").
/// </remarks>
public static class TransactionMessageId
{
    /// <summary>The message id for the event <paramref name="seqNo"/> of <paramref name="transactionId"/>.</summary>
    /// <param name="transactionId">The transaction id.</param>
    /// <param name="seqNo">The event's seqNo.</param>
    /// <returns>A lower-case UUID string.</returns>
    public static string For(string transactionId, int seqNo)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        Span<byte> bytes = stackalloc byte[16];
        XxHash128.Hash(Encoding.UTF8.GetBytes(transactionId + "/" + seqNo.ToString(CultureInfo.InvariantCulture)), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
