namespace ChargerController.Hardware.Meters;

/// <summary>How the raw registers of one quantity encode its number.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the wire encodings written in profile files (\"float32\", \"uint64\").")]
public enum MeterRegisterType
{
    /// <summary>Signed 16-bit, one register.</summary>
    Int16,

    /// <summary>Unsigned 16-bit, one register.</summary>
    UInt16,

    /// <summary>Signed 32-bit, two registers.</summary>
    Int32,

    /// <summary>Unsigned 32-bit, two registers.</summary>
    UInt32,

    /// <summary>Signed 64-bit, four registers.</summary>
    Int64,

    /// <summary>Unsigned 64-bit, four registers (ABB energy counters).</summary>
    UInt64,

    /// <summary>IEEE 754 single, two registers (Eastron, ORNO).</summary>
    Float32,

    /// <summary>IEEE 754 double, four registers.</summary>
    Float64,
}
