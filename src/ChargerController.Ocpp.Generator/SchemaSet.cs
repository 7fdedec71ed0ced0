namespace ChargerController.Ocpp.Generator;

/// <summary>All schema files of one OCPP version, with the definitions they share merged by name.</summary>
/// <param name="Roots">Root object of every file, keyed by file name without <c>.json</c>, ordinal order.</param>
/// <param name="Definitions">Every definition, keyed by name, ordinal order.</param>
internal sealed record SchemaSet(
    SortedDictionary<string, SchemaType> Roots,
    SortedDictionary<string, SchemaType> Definitions);
