using System.Collections.Frozen;
using System.Text.Json;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Meters;

/// <summary>
/// A validated meter profile: which registers hold which quantity and how to decode them. Profiles are data
/// (<c>hardware/meters/*.json</c>), so a field technician adds a meter by copying <c>template.json</c>, not by writing code.
/// </summary>
public sealed class MeterProfile
{
    private MeterProfile(string name, string manufacturer, string model, int phases, MeterSerialDefaults serial, IReadOnlyDictionary<MeterQuantity, MeterRegister> registers, int maxRegistersPerRead, int maxGapRegisters)
    {
        Name = name;
        Manufacturer = manufacturer;
        Model = model;
        Phases = phases;
        SerialDefaults = serial;
        Registers = registers;
        MaxRegistersPerRead = maxRegistersPerRead;
        MaxGapRegisters = maxGapRegisters;
        Blocks = PlanBlocks(registers.Values, maxRegistersPerRead, maxGapRegisters);
    }

    /// <summary>Short stable name used in configuration and on the command line (<c>sdm630</c>).</summary>
    public string Name { get; }

    /// <summary>Manufacturer.</summary>
    public string Manufacturer { get; }

    /// <summary>Model(s) covered.</summary>
    public string Model { get; }

    /// <summary>Phases measured, 1 or 3.</summary>
    public int Phases { get; }

    /// <summary>Factory line settings.</summary>
    public MeterSerialDefaults SerialDefaults { get; }

    /// <summary>The mapped quantities.</summary>
    public IReadOnlyDictionary<MeterQuantity, MeterRegister> Registers { get; }

    /// <summary>Largest register count the meter accepts per read.</summary>
    public int MaxRegistersPerRead { get; }

    /// <summary>Unmapped registers a block may span to save a transaction (0 = only strictly contiguous registers are merged).</summary>
    public int MaxGapRegisters { get; }

    /// <summary>The read requests of one snapshot: as few as the limits allow.</summary>
    public IReadOnlyList<MeterRegisterBlock> Blocks { get; }

    /// <summary>Parses and validates a profile.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="source">File or resource name, for messages.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="MeterProfileException">The JSON is malformed or a field is missing or out of range.</exception>
    public static MeterProfile Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        MeterProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, MeterProfileJsonContext.Default.MeterProfileDocument);
        }
        catch (JsonException ex)
        {
            throw new MeterProfileException($"{source}: invalid JSON: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new MeterProfileException($"{source}: empty profile");
        }

        return FromDocument(document, source);
    }

    private static MeterProfile FromDocument(MeterProfileDocument d, string source)
    {
        string Fail(string message) => throw new MeterProfileException($"{source}: {message}");

        var name = string.IsNullOrWhiteSpace(d.Name) ? Fail("'name' is required") : d.Name.Trim();
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Fail($"'name' must be lower-case letters, digits and '-' (got '{name}')");
        }

        if (d.Phases is not (1 or 3))
        {
            Fail($"'phases' must be 1 or 3 (got {d.Phases})");
        }

        var defaultFunction = ParseFunction(d.FunctionCode, "functionCode", source);
        var defaultOrder = ParseWordOrder(d.WordOrder ?? "ABCD", "wordOrder", source);
        var maxRead = d.MaxRegistersPerRead ?? ModbusRtuFrames.MaxReadRegisters;
        if (maxRead is < 1 or > ModbusRtuFrames.MaxReadRegisters)
        {
            Fail($"'maxRegistersPerRead' must be 1–125 (got {maxRead})");
        }

        var maxGap = d.MaxGapRegisters ?? 0;
        if (maxGap is < 0 or > ModbusRtuFrames.MaxReadRegisters)
        {
            Fail($"'maxGapRegisters' must be 0–125 (got {maxGap})");
        }

        var serialDoc = d.Serial ?? new MeterSerialDocument { BaudRate = 9600, Parity = "none" };
        var serial = new MeterSerialDefaults(
            serialDoc.BaudRate is >= 300 and <= 921600 ? serialDoc.BaudRate : throw new MeterProfileException($"{source}: 'serial.baudRate' must be 300–921600 (got {serialDoc.BaudRate})"),
            ParseParity(serialDoc.Parity, source),
            serialDoc.StopBits is 1 or 2 ? serialDoc.StopBits : throw new MeterProfileException($"{source}: 'serial.stopBits' must be 1 or 2"),
            serialDoc.Address is >= 1 and <= 247 ? (byte)serialDoc.Address : throw new MeterProfileException($"{source}: 'serial.address' must be 1–247"));

        if (d.Registers is null || d.Registers.Count == 0)
        {
            Fail("'registers' is required");
        }

        var registers = new Dictionary<MeterQuantity, MeterRegister>();
        foreach (var (key, r) in d.Registers!)
        {
            var field = $"registers.{key}";
            if (!Enum.TryParse<MeterQuantity>(key, ignoreCase: false, out var quantity) && !TryParseCamel(key, out quantity))
            {
                Fail($"unknown quantity '{key}' (known: {string.Join(", ", Enum.GetNames<MeterQuantity>().Select(Camel))})");
            }

            if (r.Address is not >= 0 and <= 0xFFFF)
            {
                Fail($"'{field}.address' must be 0–65535 (0-based PDU address, i.e. register number minus 30001/40001)");
            }

            var type = ParseType(r.Type, field, source);
            var factor = UnitFactor(quantity, r.Unit, field, source);
            if (!double.IsFinite(r.Scale) || r.Scale == 0)
            {
                Fail($"'{field}.scale' must be a non-zero number");
            }

            var register = new MeterRegister(
                quantity,
                r.FunctionCode is { } fc ? ParseFunction(fc, field + ".functionCode", source) : defaultFunction,
                (ushort)r.Address!.Value,
                type,
                r.WordOrder is { } wo ? ParseWordOrder(wo, field + ".wordOrder", source) : defaultOrder,
                r.Scale * factor);
            if (register.Address + register.RegisterCount > 0x10000 || register.RegisterCount > maxRead)
            {
                Fail($"'{field}' runs past the register space or the per-read limit");
            }

            if (d.Phases == 1 && quantity is MeterQuantity.VoltageL2 or MeterQuantity.VoltageL3 or MeterQuantity.CurrentL2 or MeterQuantity.CurrentL3 or MeterQuantity.PowerL2 or MeterQuantity.PowerL3)
            {
                Fail($"'{field}' makes no sense on a single-phase meter");
            }

            registers.Add(quantity, register);
        }

        if (!registers.ContainsKey(MeterQuantity.EnergyImport))
        {
            Fail("'registers.energyImport' is required (OCPP Energy.Active.Import.Register)");
        }

        if (!registers.ContainsKey(MeterQuantity.PowerTotal) && !registers.ContainsKey(MeterQuantity.PowerL1))
        {
            Fail("'registers.powerTotal' (or per-phase powerL1…) is required");
        }

        return new MeterProfile(name, d.Manufacturer ?? string.Empty, d.Model ?? string.Empty, d.Phases, serial, registers.ToFrozenDictionary(), maxRead, maxGap);
    }

    private static List<MeterRegisterBlock> PlanBlocks(IEnumerable<MeterRegister> registers, int maxRead, int maxGap)
    {
        var blocks = new List<MeterRegisterBlock>();
        foreach (var group in registers.GroupBy(r => r.FunctionCode).OrderBy(g => g.Key))
        {
            int? start = null;
            var end = 0;
            foreach (var r in group.OrderBy(r => r.Address))
            {
                var rEnd = r.Address + r.RegisterCount;
                if (start is { } s && r.Address - end <= maxGap && Math.Max(end, rEnd) - s <= maxRead)
                {
                    end = Math.Max(end, rEnd);
                    continue;
                }

                if (start is { } done)
                {
                    blocks.Add(new MeterRegisterBlock(group.Key, (ushort)done, (ushort)(end - done)));
                }

                start = r.Address;
                end = rEnd;
            }

            if (start is { } last)
            {
                blocks.Add(new MeterRegisterBlock(group.Key, (ushort)last, (ushort)(end - last)));
            }
        }

        return blocks;
    }

    private static ModbusFunctionCode ParseFunction(int code, string field, string source) => code switch
    {
        3 => ModbusFunctionCode.ReadHoldingRegisters,
        4 => ModbusFunctionCode.ReadInputRegisters,
        _ => throw new MeterProfileException($"{source}: '{field}' must be 3 (holding registers, 4xxxx) or 4 (input registers, 3xxxx), got {code}"),
    };

    private static MeterWordOrder ParseWordOrder(string value, string field, string source) => value.ToUpperInvariant() switch
    {
        "ABCD" => MeterWordOrder.Abcd,
        "CDAB" => MeterWordOrder.Cdab,
        "BADC" => MeterWordOrder.Badc,
        "DCBA" => MeterWordOrder.Dcba,
        _ => throw new MeterProfileException($"{source}: '{field}' must be ABCD, CDAB, BADC or DCBA (got '{value}')"),
    };

    private static MeterRegisterType ParseType(string? value, string field, string source) => value?.ToLowerInvariant() switch
    {
        "int16" => MeterRegisterType.Int16,
        "uint16" => MeterRegisterType.UInt16,
        "int32" => MeterRegisterType.Int32,
        "uint32" => MeterRegisterType.UInt32,
        "int64" => MeterRegisterType.Int64,
        "uint64" => MeterRegisterType.UInt64,
        "float32" => MeterRegisterType.Float32,
        "float64" => MeterRegisterType.Float64,
        _ => throw new MeterProfileException($"{source}: '{field}.type' must be int16, uint16, int32, uint32, int64, uint64, float32 or float64 (got '{value}')"),
    };

    private static SerialPortLinkParity ParseParity(string? value, string source) => value?.ToLowerInvariant() switch
    {
        null or "none" or "n" => SerialPortLinkParity.None,
        "even" or "e" => SerialPortLinkParity.Even,
        "odd" or "o" => SerialPortLinkParity.Odd,
        _ => throw new MeterProfileException($"{source}: 'serial.parity' must be none, even or odd (got '{value}')"),
    };

    private static double UnitFactor(MeterQuantity quantity, string? unit, string field, string source)
    {
        var expected = quantity switch
        {
            MeterQuantity.VoltageL1 or MeterQuantity.VoltageL2 or MeterQuantity.VoltageL3 => "V",
            MeterQuantity.CurrentL1 or MeterQuantity.CurrentL2 or MeterQuantity.CurrentL3 => "A",
            MeterQuantity.Frequency => "Hz",
            MeterQuantity.EnergyImport or MeterQuantity.EnergyExport => "Wh",
            _ => "W",
        };
        return (expected, unit) switch
        {
            (_, null) => throw new MeterProfileException($"{source}: '{field}.unit' is required ({expected}{(expected is "W" or "Wh" ? " or k" + expected : string.Empty)})"),
            _ when unit == expected => 1.0,
            ("W", "kW") or ("Wh", "kWh") => 1000.0,
            _ => throw new MeterProfileException($"{source}: '{field}.unit' must be {expected}{(expected is "W" or "Wh" ? " or k" + expected : string.Empty)} (got '{unit}')"),
        };
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool TryParseCamel(string key, out MeterQuantity quantity) =>
        Enum.TryParse(key.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : key, ignoreCase: false, out quantity);
}
