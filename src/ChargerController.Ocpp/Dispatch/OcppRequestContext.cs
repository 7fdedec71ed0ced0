using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Dispatch;

/// <summary>Envelope facts about the message being handled.</summary>
/// <param name="MessageType">CALL or SEND.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Action">The action.</param>
/// <param name="Version">The version negotiated on the connection the message came in on.</param>
public sealed record OcppRequestContext(RpcMessageType MessageType, string MessageId, string Action, OcppVersion Version);
