namespace ChargerController.Station.Payment;

/// <summary>
/// Durable storage of the terminal payments that are not settled yet, so a reboot between the end of a transaction and
/// its settlement does not lose the money (C21). Implemented by Storage on SQLite (<c>SqlitePaymentStore</c>); every call
/// is durable on return.
/// </summary>
public interface IPaymentStore
{
    /// <summary>Loads every stored payment.</summary>
    /// <returns>The payments.</returns>
    IReadOnlyList<StoredPayment> LoadAll();

    /// <summary>Stores a payment, replacing one with the same pspRef.</summary>
    /// <param name="payment">The payment.</param>
    void Save(StoredPayment payment);

    /// <summary>Removes a payment; an unknown pspRef is ignored.</summary>
    /// <param name="pspRef">The payment's reference at the PSP.</param>
    void Remove(string pspRef);
}
