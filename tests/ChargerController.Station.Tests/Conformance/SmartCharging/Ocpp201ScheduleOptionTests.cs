using ChargerController.Testing.Csms;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>On a 2.0.1 connection the 2.1-only schedule fields do not exist: a profile carrying one is not installed.</summary>
public sealed class Ocpp201ScheduleOptionTests
{
    [Theory]
    [InlineData(",\"useLocalTime\":true")]
    [InlineData(",\"randomizedDelay\":60")]
    public async Task TwoOneOnlyScheduleField_On201_NotInstalled(string field)
    {
        var setup = new HarnessSetup { Csms = new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef", SupportedSubprotocols = ["ocpp2.0.1"] } };
        await using var cs = await SmartChargingStation.StartAsync(setup: setup);
        var frame = await cs.H.Session.CallAsync("SetChargingProfile", $$"""{"evseId":1,"chargingProfile":{{TxDefault(170, extraSchedule: field)}}}""");
        var rejected = frame[0].GetInt32() == 4 || (frame[0].GetInt32() == 3 && frame[2].GetProperty("status").GetString() == "Rejected");
        Assert.True(rejected, frame.ToString());
        Assert.Null(cs.Module.Profiles.Find(170));

        // The same profile without the 2.1 field is fine on 2.0.1.
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(171)));
    }
}
