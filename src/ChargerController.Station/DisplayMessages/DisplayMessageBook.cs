using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// The messages the CSMS set, in memory and in the <see cref="IDisplayMessageStore"/> (write-through: a message is
/// durable before the CSMS hears Accepted, O01.FR.10). Thread-safe: handlers, the timer and transaction events use it.
/// </summary>
public sealed class DisplayMessageBook
{
    private readonly IDisplayMessageStore _store;
    private readonly SortedDictionary<int, MessageInfoType> _messages = [];
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="DisplayMessageBook"/> class with what the store holds.</summary>
    /// <param name="store">The durable store.</param>
    public DisplayMessageBook(IDisplayMessageStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        foreach (var message in store.LoadAll())
        {
            _messages[message.Id] = message;
        }
    }

    /// <summary>Raised after the set of messages changed.</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the number of configured messages (DisplayMessageCtrlr.DisplayMessages).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Gets every configured message, in id order.</summary>
    /// <returns>The messages.</returns>
    public IReadOnlyList<MessageInfoType> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages.Values];
        }
    }

    /// <summary>
    /// Stores a checked message. It replaces one with the same id (O06.FR.01) and, when AlwaysFront, any other AlwaysFront
    /// message (O01.FR.16, O02.FR.18); Rejected when the count afterwards would exceed <paramref name="capacity"/> (O01.FR.11).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="capacity">DisplayMessageCtrlr.DisplayMessages maxLimit.</param>
    /// <returns>Accepted or Rejected.</returns>
    public DisplayMessageStatusEnumType Set(MessageInfoType message, int capacity)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var displaced = message.Priority == MessagePriorityEnumType.AlwaysFront
                ? _messages.Values.Where(m => m.Priority == MessagePriorityEnumType.AlwaysFront && m.Id != message.Id).Select(m => m.Id).ToList()
                : [];
            var after = _messages.Count - displaced.Count + (_messages.ContainsKey(message.Id) ? 0 : 1);
            if (after > capacity)
            {
                return DisplayMessageStatusEnumType.Rejected;
            }

            if (displaced.Count > 0)
            {
                _store.Remove(displaced);
            }

            _store.Save(message);
            foreach (var id in displaced)
            {
                _messages.Remove(id);
            }

            _messages[message.Id] = message;
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return DisplayMessageStatusEnumType.Accepted;
    }

    /// <summary>The messages matching every given filter (O04): any of the ids, the priority, the state.</summary>
    /// <param name="ids">Ids, or null/empty for any.</param>
    /// <param name="priority">Priority or null.</param>
    /// <param name="state">State or null (a message without state matches only a request without state).</param>
    /// <returns>The matches, in id order.</returns>
    public IReadOnlyList<MessageInfoType> Query(IReadOnlyCollection<int>? ids, MessagePriorityEnumType? priority, MessageStateEnumType? state)
    {
        lock (_gate)
        {
            return [.. _messages.Values.Where(m =>
                (ids is null || ids.Count == 0 || ids.Contains(m.Id))
                && (priority is null || m.Priority == priority)
                && (state is null || m.State == state))];
        }
    }

    /// <summary>Removes one message (O05).</summary>
    /// <param name="id">The id.</param>
    /// <returns>False when no message has that id.</returns>
    public bool Clear(int id) => RemoveWhere(m => m.Id == id).Count > 0;

    /// <summary>Removes the messages whose endDateTime has passed (O01.FR.07, O02.FR.07).</summary>
    /// <param name="now">Now.</param>
    /// <returns>The removed ids.</returns>
    public IReadOnlyList<int> RemoveExpired(DateTimeOffset now) => RemoveWhere(m => m.EndDateTime is { } end && end <= now);

    /// <summary>Removes the messages bound to a transaction that no longer runs (O02.FR.02).</summary>
    /// <param name="activeTransactionIds">The transactions running now.</param>
    /// <returns>The removed ids.</returns>
    public IReadOnlyList<int> RemoveEndedTransactions(IReadOnlySet<string> activeTransactionIds)
    {
        ArgumentNullException.ThrowIfNull(activeTransactionIds);
        return RemoveWhere(m => m.TransactionId is { } id && !activeTransactionIds.Contains(id));
    }

    private List<int> RemoveWhere(Func<MessageInfoType, bool> predicate)
    {
        List<int> ids;
        lock (_gate)
        {
            ids = [.. _messages.Values.Where(predicate).Select(m => m.Id)];
            if (ids.Count == 0)
            {
                return ids;
            }

            _store.Remove(ids);
            foreach (var id in ids)
            {
                _messages.Remove(id);
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return ids;
    }
}
