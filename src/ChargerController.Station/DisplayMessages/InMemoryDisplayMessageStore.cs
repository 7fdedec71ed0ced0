using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.DisplayMessages;

/// <summary>Keeps the messages for the life of the process only (tests, or a station without a database).</summary>
public sealed class InMemoryDisplayMessageStore : IDisplayMessageStore
{
    private readonly SortedDictionary<int, MessageInfoType> _messages = [];
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public IReadOnlyList<MessageInfoType> LoadAll()
    {
        lock (_gate)
        {
            return [.. _messages.Values];
        }
    }

    /// <inheritdoc/>
    public void Save(MessageInfoType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _messages[message.Id] = message;
        }
    }

    /// <inheritdoc/>
    public void Remove(IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _messages.Remove(id);
            }
        }
    }
}
