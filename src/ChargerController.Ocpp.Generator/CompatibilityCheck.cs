namespace ChargerController.Ocpp.Generator;

/// <summary>
/// The C# model is generated from 2.1 only (2.1 is a superset). This check proves that every 2.0.1 payload still
/// fits it, and fails the run on any 2.0.1 → 2.1 change the model could not read. Accepted differences:
/// an enum that became a plain string (IdTokenEnumType, ChargingLimitSourceEnumType, ConnectorEnumType),
/// integer that became number, new enum members, new or no-longer-required fields.
/// </summary>
internal static class CompatibilityCheck
{
    public static void Verify(SchemaSet v201, SchemaSet v21)
    {
        foreach (var old in v201.Definitions.Values.Concat(v201.Roots.Values))
        {
            var current = v21.Definitions.GetValueOrDefault(old.Name) ?? v21.Roots.GetValueOrDefault(old.Name);
            if (old.IsEnum)
            {
                if (current is not null && (!current.IsEnum || old.EnumValues!.Except(current.EnumValues!).Any()))
                {
                    throw new InvalidDataException($"2.0.1 enum {old.Name} has values the 2.1 enum lacks.");
                }

                continue; // an enum dropped in 2.1 is checked where it is used (it must have become a string).
            }

            if (current is null || current.IsEnum)
            {
                throw new InvalidDataException($"2.0.1 type {old.Name} has no 2.1 object of the same name.");
            }

            foreach (var p in old.Properties)
            {
                var now = current.Properties.FirstOrDefault(q => q.WireName == p.WireName)
                    ?? throw new InvalidDataException($"2.0.1 field {old.Name}.{p.WireName} is missing in 2.1.");
                if (!Fits(p.Value, now.Value, v201))
                {
                    throw new InvalidDataException($"2.0.1 field {old.Name}.{p.WireName} does not fit its 2.1 type.");
                }
            }
        }
    }

    private static bool Fits(SchemaValue old, SchemaValue now, SchemaSet v201) => (old.Kind, now.Kind) switch
    {
        (SchemaValueKind.Array, SchemaValueKind.Array) => Fits(old.Items!, now.Items!, v201),
        (SchemaValueKind.Ref, SchemaValueKind.Ref) => old.Ref == now.Ref,
        (SchemaValueKind.Ref, SchemaValueKind.String) => v201.Definitions[old.Ref!].IsEnum,
        (SchemaValueKind.Integer, SchemaValueKind.Number) => true,
        _ => old.Kind == now.Kind,
    };
}
