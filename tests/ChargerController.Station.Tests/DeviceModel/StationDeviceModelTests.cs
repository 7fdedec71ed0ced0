using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;

namespace ChargerController.Station.Tests.DeviceModel;

/// <summary>Device-model rules that do not need a CSMS: validation per data type, case-insensitive names, change events.</summary>
public sealed class StationDeviceModelTests
{
    private readonly StationDeviceModel _model = new(DeviceModelCatalog.Create(new StationIdentity { EvseCount = 2 }), new InMemoryDeviceModelStore());

    [Theory]
    [InlineData("OCPPCommCtrlr", "HeartbeatInterval", "0", SetVariableStatusEnumType.Rejected)]
    [InlineData("OCPPCommCtrlr", "HeartbeatInterval", "86400", SetVariableStatusEnumType.Accepted)]
    [InlineData("OCPPCommCtrlr", "HeartbeatInterval", "1.5", SetVariableStatusEnumType.Rejected)]
    [InlineData("AuthCtrlr", "AuthorizeRemoteStart", "TRUE", SetVariableStatusEnumType.Rejected)]
    [InlineData("TxCtrlr", "TxStartPoint", "EVConnected,Authorized", SetVariableStatusEnumType.Accepted)]
    [InlineData("TxCtrlr", "TxStartPoint", "EVConnected,EVConnected", SetVariableStatusEnumType.Rejected)]
    [InlineData("TxCtrlr", "TxStartPoint", "Sometime", SetVariableStatusEnumType.Rejected)]
    [InlineData("SmartChargingCtrlr", "LimitChangeSignificance", "0.5", SetVariableStatusEnumType.Accepted)]
    [InlineData("ocppcommctrlr", "offlinethreshold", "10", SetVariableStatusEnumType.Accepted)]
    [InlineData("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0", SetVariableStatusEnumType.Accepted)]
    [InlineData("OCPPCommCtrlr", "NetworkConfigurationPriority", "5", SetVariableStatusEnumType.Rejected)]
    public void TrySet_ValueChecked_Status(string component, string variable, string value, SetVariableStatusEnumType expected) =>
        Assert.Equal(expected, _model.TrySet(VariableKey.Of(component, variable), null, value, out _));

    [Fact]
    public void TrySet_EvseComponentOfUnknownEvse_UnknownComponent() =>
        Assert.Equal(SetVariableStatusEnumType.UnknownComponent, _model.TrySet(new VariableKey("EVSE", null, 3, null, "AvailabilityState", null), null, "x", out _));

    [Fact]
    public void TrySet_Accepted_RaisesChangedOnceAndNotForSameValue()
    {
        var changes = new List<string>();
        _model.Changed += (_, e) => changes.Add(e.Key.Variable + "=" + e.Value);
        _model.TrySet(VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold"), null, "99", out _);
        _model.TrySet(VariableKey.Of("OCPPCommCtrlr", "OfflineThreshold"), null, "99", out _);
        Assert.Equal(["OfflineThreshold=99"], changes);
    }

    [Fact]
    public void NotifyReportSplit_45Items_ThreePartsTbcOnFirstTwo()
    {
        var data = _model.Definitions.Take(45).Select(d => NotifyReportBuilder.ToReportData(d, "v", false)).ToArray();
        var parts = NotifyReportBuilder.Split(7, DateTimeOffset.UnixEpoch, data, 20);
        Assert.Equal([20, 20, 5], parts.Select(p => p.ReportData!.Length));
        Assert.Equal([0, 1, 2], parts.Select(p => p.SeqNo));
        Assert.Equal([true, true, null], parts.Select(p => p.Tbc));
        Assert.All(parts, p => Assert.Equal(7, p.RequestId));
    }
}
