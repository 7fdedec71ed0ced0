namespace ChargerController.Hardware.Meters;

/// <summary>The quantities a meter profile can map; the JSON key is the camel-case name (<c>voltageL1</c>, <c>energyImport</c>).</summary>
public enum MeterQuantity
{
    /// <summary>Phase L1 to neutral voltage.</summary>
    VoltageL1,

    /// <summary>Phase L2 to neutral voltage.</summary>
    VoltageL2,

    /// <summary>Phase L3 to neutral voltage.</summary>
    VoltageL3,

    /// <summary>Phase L1 current.</summary>
    CurrentL1,

    /// <summary>Phase L2 current.</summary>
    CurrentL2,

    /// <summary>Phase L3 current.</summary>
    CurrentL3,

    /// <summary>Phase L1 active power (negative = export).</summary>
    PowerL1,

    /// <summary>Phase L2 active power.</summary>
    PowerL2,

    /// <summary>Phase L3 active power.</summary>
    PowerL3,

    /// <summary>Total active power.</summary>
    PowerTotal,

    /// <summary>Grid frequency.</summary>
    Frequency,

    /// <summary>Total imported active energy register (required: OCPP Energy.Active.Import.Register).</summary>
    EnergyImport,

    /// <summary>Total exported active energy register.</summary>
    EnergyExport,
}
