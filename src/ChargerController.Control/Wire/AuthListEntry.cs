namespace ChargerController.Control.Wire;

/// <summary>One entry of the local authorization list (OCPP D01/D02 <c>AuthorizationData</c>), for offline sites.</summary>
/// <param name="IdToken">The token, e.g. a card UID in hex.</param>
/// <param name="Type">IdTokenEnumType: <c>ISO14443</c>, <c>ISO15693</c>, <c>Central</c>, <c>eMAID</c>, <c>KeyCode</c>, <c>Local</c>, <c>MacAddress</c>, <c>NoAuthorization</c>.</param>
/// <param name="Status">AuthorizationStatusEnumType: <c>Accepted</c>, <c>Blocked</c>, <c>Expired</c>, <c>Invalid</c> …</param>
/// <param name="ExpiresAt">cacheExpiryDateTime, if any.</param>
public sealed record AuthListEntry(string IdToken, string Type, string Status, DateTimeOffset? ExpiresAt);
