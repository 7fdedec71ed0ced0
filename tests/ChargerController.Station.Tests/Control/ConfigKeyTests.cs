using ChargerController.Station.Control;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Tests.Control;

public sealed class ConfigKeyTests
{
    [Theory]
    [InlineData("OCPPCommCtrlr/HeartbeatInterval", "OCPPCommCtrlr", null, null, null, "HeartbeatInterval", null)]
    [InlineData("EVSE@1/AvailabilityState", "EVSE", null, 1, null, "AvailabilityState", null)]
    [InlineData("Connector@2.1/ConnectorType", "Connector", null, 2, 1, "ConnectorType", null)]
    [InlineData("OCPPCommCtrlr/MessageTimeout[Default]", "OCPPCommCtrlr", null, null, null, "MessageTimeout", "Default")]
    [InlineData(" SampledDataCtrlr[x]/TxUpdatedInterval ", "SampledDataCtrlr", "x", null, null, "TxUpdatedInterval", null)]
    public void TryParse_DocumentedForms(string text, string component, string? componentInstance, int? evse, int? connector, string variable, string? variableInstance)
    {
        var key = ConfigKey.TryParse(text);
        Assert.Equal(new VariableKey(component, componentInstance, evse, connector, variable, variableInstance), key);
        Assert.Equal(text.Trim(), ConfigKey.Format(key!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HeartbeatInterval")]
    [InlineData("A/B/C")]
    [InlineData("EVSE@x/Available")]
    [InlineData("local:StationId")]
    [InlineData("Comp/Var; DROP TABLE")]
    public void TryParse_OtherText_IsNull(string? text) => Assert.Null(ConfigKey.TryParse(text));
}
