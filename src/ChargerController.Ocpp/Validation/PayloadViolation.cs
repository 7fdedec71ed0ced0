using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Validation;

/// <summary>The first schema violation found in a payload, with the RPC error code Part 4 §4.3 prescribes for it.</summary>
/// <param name="ErrorCode">The CALLERROR / CALLRESULTERROR code to answer with.</param>
/// <param name="Path">JSON pointer-like path of the offending element, e.g. <c>/evse/id</c>.</param>
/// <param name="Description">Human-readable reason, safe to send as errorDescription (no secrets, ≤ 255 chars).</param>
public sealed record PayloadViolation(RpcErrorCode ErrorCode, string Path, string Description);
