using System.Collections.Concurrent;
using ChargerController.Station.Payment;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>Records what the payment block shows, per EVSE.</summary>
public sealed class RecordingPaymentDisplay : IPaymentDisplay
{
    private readonly ConcurrentQueue<(int EvseId, string Kind, string? Content)> _shown = new();

    public IReadOnlyList<(int EvseId, string Kind, string? Content)> Shown => [.. _shown];

    public bool ThrowOnShow { get; set; }

    public void ShowQrCode(int evseId, string url) => Record(evseId, "qr", url);

    public void ShowText(int evseId, string text) => Record(evseId, "text", text);

    public void Clear(int evseId) => Record(evseId, "clear", null);

    private void Record(int evseId, string kind, string? content)
    {
        _shown.Enqueue((evseId, kind, content));
        if (ThrowOnShow)
        {
            throw new InvalidOperationException("display broken");
        }
    }
}
