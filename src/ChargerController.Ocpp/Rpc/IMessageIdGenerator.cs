namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// Creates message ids for CALL and SEND. Part 4 §4.1.4: an id must never repeat for the same station identity,
/// on any connection, across restarts; so implementations must not rely on in-memory counters alone.
/// </summary>
public interface IMessageIdGenerator
{
    /// <summary>Returns a fresh id of at most 36 characters.</summary>
    /// <returns>The id.</returns>
    string NewId();
}
