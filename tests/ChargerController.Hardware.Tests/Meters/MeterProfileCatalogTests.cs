using ChargerController.Hardware.Meters;

namespace ChargerController.Hardware.Tests.Meters;

public sealed class MeterProfileCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-meters-").FullName;

    private static readonly string[] BuiltInNames = ["sdm630", "sdm120", "sdm72d", "sdm72d-m2", "abb-b23", "em340", "or-we-516"];

    public static TheoryData<string> BuiltIn() => [.. BuiltInNames];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void BuiltInProfile_IsEmbedded_AndValid(string name)
    {
        var profile = new MeterProfileCatalog(null).Get(name);
        Assert.Equal(name, profile.Name);
        Assert.Contains(MeterQuantity.EnergyImport, profile.Registers.Keys);
    }

    [Fact]
    public void Names_AreTheBuiltInProfiles_WithoutTemplate()
    {
        Assert.Equal(BuiltInNames.Order(StringComparer.Ordinal), new MeterProfileCatalog(null).Names);
    }

    [Fact]
    public void OverrideDirectory_ReplacesAndAdds_IgnoringTemplate()
    {
        var sdm630 = new MeterProfileCatalog(null).Get("sdm630");
        File.WriteAllText(Path.Combine(_dir, "sdm630.json"), """
            { "name": "sdm630", "manufacturer": "Site", "phases": 1, "functionCode": 4,
              "registers": { "energyImport": { "address": 72, "type": "float32", "unit": "kWh" }, "powerTotal": { "address": 52, "type": "float32", "unit": "W" } } }
            """);
        File.WriteAllText(Path.Combine(_dir, "my-meter.json"), File.ReadAllText(Path.Combine(Pty.RepoPaths.Root, "hardware", "meters", "template.json")));
        File.WriteAllText(Path.Combine(_dir, "template.json"), "not even json");

        var catalog = new MeterProfileCatalog(_dir);
        Assert.Equal(3, sdm630.Phases);
        Assert.Equal(1, catalog.Get("sdm630").Phases);
        Assert.Equal("my-meter", catalog.Get("my-meter").Name);
        Assert.DoesNotContain("template", catalog.Names);
    }

    [Fact]
    public void FileNameDifferentFromName_IsRejected()
    {
        File.WriteAllText(Path.Combine(_dir, "other.json"), File.ReadAllText(Path.Combine(Pty.RepoPaths.Root, "hardware", "meters", "template.json")));
        var ex = Assert.Throws<MeterProfileException>(() => new MeterProfileCatalog(_dir).Get("other"));
        Assert.Contains("must match", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownName_ListsKnownProfiles()
    {
        var ex = Assert.Throws<MeterProfileException>(() => new MeterProfileCatalog("/nonexistent").Get("sdm999"));
        Assert.Contains("sdm630", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
