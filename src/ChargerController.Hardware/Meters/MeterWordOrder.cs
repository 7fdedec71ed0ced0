namespace ChargerController.Hardware.Meters;

/// <summary>Order of 16-bit words (and bytes inside them) for multi-register values (REFERENCE 4.4).</summary>
public enum MeterWordOrder
{
    /// <summary>Most significant word first, big-endian bytes (Eastron, ORNO, ABB).</summary>
    Abcd,

    /// <summary>Least significant word first, bytes inside a word big-endian (Carlo Gavazzi).</summary>
    Cdab,

    /// <summary>Most significant word first, bytes inside each word swapped.</summary>
    Badc,

    /// <summary>Fully little-endian.</summary>
    Dcba,
}
