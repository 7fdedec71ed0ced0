using System.Text.Json.Nodes;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Tests.Validation;

/// <summary>A payload derived from a valid one by a single change, and what a correct validator must say about it.</summary>
/// <param name="Payload">The mutated payload.</param>
/// <param name="ExpectedCode">The error code, or <see langword="null"/> when the change keeps it valid (boundary, other enum value).</param>
/// <param name="ExpectedPath">Path of the violation (empty when valid).</param>
/// <param name="What">Short description for failure messages.</param>
/// <param name="Key">Definition, property and change, e.g. <c>TaxRateType.stack:minimum</c>: the same key recurs wherever a definition is reused.</param>
/// <param name="Location">Path segments (property names, array indexes) of the changed element.</param>
internal sealed record PayloadMutation(JsonObject Payload, RpcErrorCode? ExpectedCode, string ExpectedPath, string What, string Key, IReadOnlyList<object> Location);
