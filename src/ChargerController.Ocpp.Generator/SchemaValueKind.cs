namespace ChargerController.Ocpp.Generator;

/// <summary>The JSON shapes the OCA schemas use for a property value (draft-06 subset).</summary>
internal enum SchemaValueKind
{
    /// <summary><c>"type": "string"</c> without a format.</summary>
    String,

    /// <summary><c>"type": "string", "format": "date-time"</c>.</summary>
    DateTime,

    /// <summary><c>"type": "integer"</c>.</summary>
    Integer,

    /// <summary><c>"type": "number"</c>.</summary>
    Number,

    /// <summary><c>"type": "boolean"</c>.</summary>
    Boolean,

    /// <summary><c>"$ref": "#/definitions/X"</c>: an enum or object definition.</summary>
    Ref,

    /// <summary><c>"type": "array"</c> with an <c>items</c> schema.</summary>
    Array,

    /// <summary>No <c>type</c> at all: any JSON value (DataTransfer <c>data</c>).</summary>
    Any,
}
