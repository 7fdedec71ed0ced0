using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Meters;

/// <summary>One read request of a meter snapshot: contiguous registers fetched in one transaction.</summary>
/// <param name="FunctionCode">0x03 or 0x04.</param>
/// <param name="StartAddress">First register.</param>
/// <param name="Count">Registers, at most the profile's per-read limit.</param>
public sealed record MeterRegisterBlock(ModbusFunctionCode FunctionCode, ushort StartAddress, ushort Count);
