using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Meters;

/// <summary>Where one quantity lives in a meter and how to turn its registers into a value in canonical units (V, A, W, Hz, Wh).</summary>
/// <param name="Quantity">The quantity.</param>
/// <param name="FunctionCode">0x03 (holding) or 0x04 (input).</param>
/// <param name="Address">0-based PDU address of the first register.</param>
/// <param name="Type">Encoding of the registers.</param>
/// <param name="WordOrder">Word order for multi-register types.</param>
/// <param name="Scale">Factor from the decoded number to the canonical unit (profile scale times unit conversion, e.g. kWh → Wh = 1000).</param>
public sealed record MeterRegister(MeterQuantity Quantity, ModbusFunctionCode FunctionCode, ushort Address, MeterRegisterType Type, MeterWordOrder WordOrder, double Scale)
{
    /// <summary>Number of 16-bit registers the type occupies.</summary>
    public int RegisterCount => Type switch
    {
        MeterRegisterType.Int16 or MeterRegisterType.UInt16 => 1,
        MeterRegisterType.Int32 or MeterRegisterType.UInt32 or MeterRegisterType.Float32 => 2,
        _ => 4,
    };
}
