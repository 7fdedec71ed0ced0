using System.Text.Json;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Readers for TransactionEvent payloads.</summary>
internal static class TxEvents
{
    public static string EventType(this JsonElement e) => e.GetProperty("eventType").GetString()!;

    public static string Trigger(this JsonElement e) => e.GetProperty("triggerReason").GetString()!;

    public static int SeqNo(this JsonElement e) => e.GetProperty("seqNo").GetInt32();

    public static string TxId(this JsonElement e) => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;

    public static string? ChargingState(this JsonElement e) =>
        e.GetProperty("transactionInfo").TryGetProperty("chargingState", out var s) ? s.GetString() : null;

    public static string? StoppedReason(this JsonElement e) =>
        e.GetProperty("transactionInfo").TryGetProperty("stoppedReason", out var s) ? s.GetString() : null;

    public static string? IdToken(this JsonElement e) =>
        e.TryGetProperty("idToken", out var t) ? t.GetProperty("idToken").GetString() : null;

    public static bool Has(this JsonElement e, string property) => e.TryGetProperty(property, out _);

    public static bool IsOffline(this JsonElement e) => e.TryGetProperty("offline", out var o) && o.GetBoolean();

    /// <summary>All sampled values of the event as (measurand or default register, context, phase, value).</summary>
    public static IReadOnlyList<(string Measurand, string Context, string? Phase, decimal Value)> Samples(this JsonElement e)
    {
        if (!e.TryGetProperty("meterValue", out var values))
        {
            return [];
        }

        return [.. values.EnumerateArray().SelectMany(v => v.GetProperty("sampledValue").EnumerateArray()).Select(s => (
            s.TryGetProperty("measurand", out var m) ? m.GetString()! : "Energy.Active.Import.Register",
            s.TryGetProperty("context", out var c) ? c.GetString()! : "Sample.Periodic",
            s.TryGetProperty("phase", out var p) ? p.GetString() : null,
            s.GetProperty("value").GetDecimal()))];
    }
}
