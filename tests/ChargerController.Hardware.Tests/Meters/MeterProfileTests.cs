using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Meters;

public sealed class MeterProfileTests
{
    private const string Minimal = """
        { "name": "x", "phases": 1, "functionCode": 4,
          "registers": { "energyImport": { "address": 72, "type": "float32", "unit": "kWh" }, "powerTotal": { "address": 12, "type": "float32", "unit": "W" } } }
        """;

    [Fact]
    public void Template_IsAValidProfile()
    {
        var profile = MeterProfile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "hardware", "meters", "template.json")), "template.json");
        Assert.Equal("my-meter", profile.Name);
        Assert.Equal(13, profile.Registers.Count);
    }

    [Fact]
    public void Sdm630_OneReadOf76InputRegisters_CoversTheSnapshot()
    {
        var profile = new MeterProfileCatalog(null).Get("sdm630");
        var block = Assert.Single(profile.Blocks);
        Assert.Equal(new MeterRegisterBlock(ModbusFunctionCode.ReadInputRegisters, 0, 76), block);
        Assert.Equal(new MeterSerialDefaults(9600, SerialPortLinkParity.None, 1, 1), profile.SerialDefaults);
    }

    [Fact]
    public void AbbB23_HoldingRegisters_PlannedInFewBlocksWithinLimits()
    {
        var profile = new MeterProfileCatalog(null).Get("abb-b23");
        Assert.All(profile.Blocks, b => Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, b.FunctionCode));
        Assert.Equal(3, profile.Blocks.Count);
        Assert.Contains(new MeterRegisterBlock(ModbusFunctionCode.ReadHoldingRegisters, 0x5000, 8), profile.Blocks);
        Assert.Equal(MeterRegisterType.UInt64, profile.Registers[MeterQuantity.EnergyImport].Type);
        Assert.Equal(10.0, profile.Registers[MeterQuantity.EnergyImport].Scale, 9);
    }

    [Fact]
    public void OrnoPowerInKilowatt_IsScaledToWatt()
    {
        var profile = new MeterProfileCatalog(null).Get("or-we-516");
        Assert.Equal(1000.0, profile.Registers[MeterQuantity.PowerTotal].Scale);
        Assert.Equal(SerialPortLinkParity.Even, profile.SerialDefaults.Parity);
    }

    [Fact]
    public void Plan_RespectsMaxRegistersPerRead()
    {
        var json = Minimal.Replace("\"functionCode\": 4,", "\"functionCode\": 4, \"maxRegistersPerRead\": 10, \"maxGapRegisters\": 125,", StringComparison.Ordinal);
        var profile = MeterProfile.Parse(json, "x.json");
        Assert.Equal(2, profile.Blocks.Count);
        Assert.All(profile.Blocks, b => Assert.True(b.Count <= 10));
    }

    [Theory]
    [InlineData("\"phases\": 1", "\"phases\": 2", "'phases' must be 1 or 3")]
    [InlineData("\"functionCode\": 4", "\"functionCode\": 6", "'functionCode' must be 3")]
    [InlineData("\"unit\": \"kWh\"", "\"unit\": \"MWh\"", "'registers.energyImport.unit' must be Wh or kWh")]
    [InlineData("\"type\": \"float32\", \"unit\": \"kWh\"", "\"type\": \"float16\", \"unit\": \"kWh\"", "'registers.energyImport.type' must be")]
    [InlineData("\"energyImport\"", "\"energyImported\"", "unknown quantity 'energyImported'")]
    [InlineData("\"name\": \"x\"", "\"name\": \"X Y\"", "'name' must be lower-case")]
    [InlineData("\"powerTotal\"", "\"powerL2\"", "makes no sense on a single-phase meter")]
    [InlineData("\"phases\": 1,", "\"phases\": 1, \"colour\": \"red\",", "invalid JSON")]
    [InlineData("\"energyImport\": { \"address\": 72, \"type\": \"float32\", \"unit\": \"kWh\" },", "", "'registers.energyImport' is required")]
    public void InvalidProfile_FailsWithFieldInMessage(string find, string replace, string message)
    {
        var json = Minimal.Replace(find, replace, StringComparison.Ordinal);
        var ex = Assert.Throws<MeterProfileException>(() => MeterProfile.Parse(json, "bad.json"));
        Assert.StartsWith("bad.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_IsProfileError()
    {
        Assert.Throws<MeterProfileException>(() => MeterProfile.Parse("{ \"name\": ", "broken.json"));
    }
}
