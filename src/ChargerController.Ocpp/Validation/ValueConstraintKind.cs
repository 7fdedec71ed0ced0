namespace ChargerController.Ocpp.Validation;

/// <summary>The value kinds of the OCA schemas (draft-06 <c>type</c>, plus <c>format: date-time</c> and <c>$ref</c>).</summary>
internal enum ValueConstraintKind
{
    /// <summary>Any JSON value (no <c>type</c>: DataTransfer <c>data</c>).</summary>
    Any,

    /// <summary>A string, optionally with <c>maxLength</c>.</summary>
    String,

    /// <summary>An RFC 3339 date-time string.</summary>
    DateTime,

    /// <summary>A 32-bit integer (Part 2 §2.1.4), optionally bounded.</summary>
    Integer,

    /// <summary>A decimal number, optionally bounded.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of the wire strings of an <c>…EnumType</c>.</summary>
    Enum,

    /// <summary>An object of a <c>…Type</c> definition.</summary>
    Object,

    /// <summary>An array with item schema and item-count bounds.</summary>
    Array,
}
