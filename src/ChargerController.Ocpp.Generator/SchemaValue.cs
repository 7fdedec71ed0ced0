namespace ChargerController.Ocpp.Generator;

/// <summary>One property value as its schema states it: kind plus the constraints draft-06 attaches to it.</summary>
internal sealed record SchemaValue(
    SchemaValueKind Kind,
    string? Ref = null,
    int? MaxLength = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    SchemaValue? Items = null,
    int? MinItems = null,
    int? MaxItems = null);
