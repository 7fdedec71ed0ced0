namespace ChargerController.Ocpp.Validation;

/// <summary>The constraints on one JSON value; built once by the generated <see cref="OcppSchemaModels"/>, then read-only.</summary>
internal sealed class ValueConstraint
{
    private ValueConstraint(ValueConstraintKind kind) => Kind = kind;

    public ValueConstraintKind Kind { get; }

    /// <summary>Gets the schema <c>maxLength</c> in characters, or -1.</summary>
    public int MaxLength { get; private init; } = -1;

    public decimal? Minimum { get; private init; }

    public decimal? Maximum { get; private init; }

    public EnumConstraint? EnumValues { get; private init; }

    public ObjectConstraint? ObjectType { get; private init; }

    public ValueConstraint? Items { get; private init; }

    public int MinItems { get; private init; }

    /// <summary>Gets the schema <c>maxItems</c>, or -1.</summary>
    public int MaxItems { get; private init; } = -1;

    public static ValueConstraint Any() => new(ValueConstraintKind.Any);

    public static ValueConstraint String(int maxLength) => new(ValueConstraintKind.String) { MaxLength = maxLength };

    public static ValueConstraint DateTime() => new(ValueConstraintKind.DateTime);

    public static ValueConstraint Integer(decimal? minimum, decimal? maximum) =>
        new(ValueConstraintKind.Integer) { Minimum = minimum, Maximum = maximum };

    public static ValueConstraint Number(decimal? minimum, decimal? maximum) =>
        new(ValueConstraintKind.Number) { Minimum = minimum, Maximum = maximum };

    public static ValueConstraint Boolean() => new(ValueConstraintKind.Boolean);

    public static ValueConstraint Enum(EnumConstraint values) => new(ValueConstraintKind.Enum) { EnumValues = values };

    public static ValueConstraint Object(ObjectConstraint type) => new(ValueConstraintKind.Object) { ObjectType = type };

    public static ValueConstraint Array(ValueConstraint items, int minItems, int maxItems) =>
        new(ValueConstraintKind.Array) { Items = items, MinItems = minItems, MaxItems = maxItems };
}
