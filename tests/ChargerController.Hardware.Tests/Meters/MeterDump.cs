using System.Text.Json;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Tests.Modbus;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>A register dump of one meter (Meters/Dumps/*.json) and the snapshot it must decode to.</summary>
public sealed class MeterDump
{
    private MeterDump(string profile, List<(ModbusFunctionCode Function, ushort Start, ushort[] Registers)> blocks, JsonElement expected)
    {
        Profile = profile;
        Blocks = blocks;
        Expected = expected;
    }

    public static IEnumerable<string> Names => Directory.GetFiles(Path.Combine(RepoPaths.TestsDir, "Meters", "Dumps"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public string Profile { get; }

    public List<(ModbusFunctionCode Function, ushort Start, ushort[] Registers)> Blocks { get; }

    public JsonElement Expected { get; }

    public static MeterDump Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestsDir, "Meters", "Dumps", name + ".json")));
        var root = document.RootElement;
        var blocks = root.GetProperty("blocks").EnumerateArray().Select(b => (
            (ModbusFunctionCode)b.GetProperty("function").GetInt32(),
            (ushort)b.GetProperty("start").GetInt32(),
            b.GetProperty("registers").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToUInt16(h, 16)).ToArray())).ToList();
        return new MeterDump(root.GetProperty("profile").GetString()!, blocks, root.GetProperty("expected").Clone());
    }

    public ModbusSlaveLogic ToSlave(byte address = 1)
    {
        var slave = new ModbusSlaveLogic(address);
        foreach (var (function, start, registers) in Blocks)
        {
            slave.Load(function, start, registers);
        }

        return slave;
    }

    public double[] ExpectedArray(string key) => [.. Expected.GetProperty(key).EnumerateArray().Select(e => e.GetDouble())];

    public double? ExpectedNumber(string key) => Expected.GetProperty(key).ValueKind == JsonValueKind.Null ? null : Expected.GetProperty(key).GetDouble();
}
