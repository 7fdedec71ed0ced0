namespace ChargerController.Ocpp.Validation;

/// <summary>The root object schema of one schema file, e.g. <c>BootNotificationRequest.json</c>.</summary>
/// <param name="Action">Action name without suffix.</param>
/// <param name="Kind">Which payload of the action the file describes.</param>
/// <param name="Schema">The root object constraints.</param>
internal sealed record SchemaRoot(string Action, PayloadKind Kind, ObjectConstraint Schema);
