using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Tests.DisplayMessages;

public sealed class DisplayMessageCatalogTests
{
    [Fact]
    public void ConfigurationFile_NarrowsOrWidensSupportedLists()
    {
        var configured = new Dictionary<string, string>
        {
            ["DisplayMessageCtrlr/SupportedPriorities"] = "InFront,NormalCycle",
            ["DisplayMessageCtrlr/SupportedFormats"] = "ASCII,UTF8,URI,QRCODE",
            ["DisplayMessageCtrlr/SupportedStates"] = "Idle,Bogus",
        };
        var model = new StationDeviceModel(DeviceModelCatalog.Create(new StationIdentity()), new InMemoryDeviceModelStore(), configured);

        Assert.Equal("InFront,NormalCycle", model.GetValue(VariableKey.Of("DisplayMessageCtrlr", "SupportedPriorities")));
        Assert.Equal("ASCII,UTF8,URI,QRCODE", model.GetValue(VariableKey.Of("DisplayMessageCtrlr", "SupportedFormats")));

        // A value outside the valuesList is ignored: the default stays.
        Assert.Equal("Charging,Faulted,Idle,Unavailable", model.GetValue(VariableKey.Of("DisplayMessageCtrlr", "SupportedStates")));
    }

    [Fact]
    public void Catalog_DisplayMessageCtrlr_AppendixNames()
    {
        var names = DeviceModelCatalog.Create(new StationIdentity())
            .Where(d => d.Key.Component == DeviceModelCatalog.DisplayMessageCtrlr)
            .Select(d => d.Key.Variable)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Available", "DisplayMessages", "Enabled", "Language", "SupportedFormats", "SupportedPriorities", "SupportedStates"], names);
    }
}
