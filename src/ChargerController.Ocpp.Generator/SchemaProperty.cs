namespace ChargerController.Ocpp.Generator;

/// <summary>A property of an object schema, in the order the schema file lists it.</summary>
internal sealed record SchemaProperty(string WireName, bool Required, SchemaValue Value);
