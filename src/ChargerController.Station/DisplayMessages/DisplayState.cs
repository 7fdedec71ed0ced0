using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DisplayMessages;

/// <summary>What the display shows messages for right now: the station's <c>MessageStateEnumType</c> and the running transactions.</summary>
/// <param name="State">The station state a message's <c>state</c> is compared with.</param>
/// <param name="ActiveTransactionIds">The transactionIds running now (transaction-bound messages show only while theirs runs).</param>
public sealed record DisplayState(MessageStateEnumType State, IReadOnlySet<string> ActiveTransactionIds);
