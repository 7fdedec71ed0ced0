using System.Collections.Concurrent;

namespace ChargerController.Station.Payment;

/// <summary>
/// The EVSEs a web payment holds (C25.FR.22: after NotifyWebPaymentStarted, no local start until the timeout or the
/// CSMS's RequestStartTransaction). Written by the <see cref="PaymentModule"/>, read by <see cref="WebPaymentGate"/> on
/// the session layer's thread: shared without a reference between the two, so the DI graph has no cycle.
/// </summary>
public sealed class WebPaymentHolds
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> holds = new();

    /// <summary>Holds an EVSE until a time.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="until">When the hold ends by itself.</param>
    public void Hold(int evseId, DateTimeOffset until) => holds[evseId] = until;

    /// <summary>Ends the hold of an EVSE.</summary>
    /// <param name="evseId">The EVSE.</param>
    public void Release(int evseId) => holds.TryRemove(evseId, out _);

    /// <summary>Gets whether an EVSE is held at a moment.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="now">The moment.</param>
    /// <returns>True while held.</returns>
    public bool IsHeld(int evseId, DateTimeOffset now) => holds.TryGetValue(evseId, out var until) && until > now;
}
