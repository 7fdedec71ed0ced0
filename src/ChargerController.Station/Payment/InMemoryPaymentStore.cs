using System.Collections.Concurrent;

namespace ChargerController.Station.Payment;

/// <summary>The payment store without a database: pending settlements end with the process (tests, no SQLite).</summary>
public sealed class InMemoryPaymentStore : IPaymentStore
{
    private readonly ConcurrentDictionary<string, StoredPayment> payments = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<StoredPayment> LoadAll() => [.. payments.Values.OrderBy(p => p.PspRef, StringComparer.Ordinal)];

    /// <inheritdoc />
    public void Save(StoredPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        payments[payment.PspRef] = payment;
    }

    /// <inheritdoc />
    public void Remove(string pspRef)
    {
        ArgumentNullException.ThrowIfNull(pspRef);
        payments.TryRemove(pspRef, out _);
    }
}
