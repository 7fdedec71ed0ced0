namespace ChargerController.Control.Wire;

/// <summary>One configuration value as <c>chargerctl config</c> shows it: an OCPP device-model variable or a local setting.</summary>
/// <param name="Key">
/// The key to use with <c>config get|set</c>: device-model variables as <c>Component[instance]@evse.connector/Variable[instance]</c>
/// (e.g. <c>OCPPCommCtrlr/HeartbeatInterval</c>, <c>EVSE@1/AvailabilityState</c>); local settings as <c>local:Name</c>.
/// </param>
/// <param name="Value">Current value; null when unset or write-only (secrets are never returned).</param>
/// <param name="DataType">OCPP data type (<c>integer</c>, <c>boolean</c>, <c>string</c>, <c>OptionList</c> …) or <c>local</c>.</param>
/// <param name="Mutability">ReadOnly, WriteOnly or ReadWrite.</param>
/// <param name="Unit">Unit, if any.</param>
/// <param name="Allowed">Allowed values (option lists) or range, if constrained.</param>
/// <param name="RebootRequired">Whether a change takes effect only after a restart.</param>
public sealed record ConfigVariable(
    string Key,
    string? Value,
    string DataType,
    string Mutability,
    string? Unit,
    string? Allowed,
    bool RebootRequired);
