namespace ChargerController.Hardware.Modbus;

/// <summary>The Modbus function codes this master speaks (Application Protocol §6.3, §6.4, §6.6, §6.12).</summary>
public enum ModbusFunctionCode : byte
{
    /// <summary>0x03 Read Holding Registers (register numbers 4xxxx).</summary>
    ReadHoldingRegisters = 0x03,

    /// <summary>0x04 Read Input Registers (register numbers 3xxxx).</summary>
    ReadInputRegisters = 0x04,

    /// <summary>0x06 Write Single Register.</summary>
    WriteSingleRegister = 0x06,

    /// <summary>0x10 Write Multiple Registers.</summary>
    WriteMultipleRegisters = 0x10,
}
