using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// Durable storage of the messages the CSMS set (O01.FR.10, O02.FR.10: they survive a power cycle). Implemented by
/// Storage on SQLite; every call is durable on return.
/// </summary>
public interface IDisplayMessageStore
{
    /// <summary>Loads every stored message.</summary>
    /// <returns>The messages, in id order.</returns>
    IReadOnlyList<MessageInfoType> LoadAll();

    /// <summary>Stores a message, replacing one with the same id (O06.FR.01).</summary>
    /// <param name="message">The message as the CSMS sent it.</param>
    void Save(MessageInfoType message);

    /// <summary>Removes messages; unknown ids are ignored.</summary>
    /// <param name="ids">The ids.</param>
    void Remove(IReadOnlyCollection<int> ids);
}
