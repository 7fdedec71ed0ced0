namespace ChargerController.Ocpp.Generator;

/// <summary>A schema definition (<c>…Type</c> object or <c>…EnumType</c>) or the root object of a schema file.</summary>
internal sealed record SchemaType(
    string Name,
    IReadOnlyList<string>? EnumValues,
    IReadOnlyList<SchemaProperty> Properties,
    bool AllowAdditionalProperties)
{
    /// <summary>Gets a value indicating whether this is a string enum definition.</summary>
    public bool IsEnum => EnumValues is not null;
}
