using ChargerController.Station.Payment;

namespace ChargerController.Station.Tests.Payment;

/// <summary>C25 URL template filling (C25.FR.50-53, 56-58).</summary>
public sealed class WebPaymentUrlTests
{
    private static readonly string[] All = ["maxtime", "maxenergy", "maxcost"];

    [Fact]
    public void TryBuild_SpecExample_FillsPlaceholdersAndQuery()
    {
        // The spec's example: EVSE 1 of CS1000 with a maximum energy of 20 kWh.
        var url = WebPaymentUrl.TryBuild("https://qr.mycmsms.com/{chargingstationid}/{evse}/{totp}/{version}/", "CS1000", 1, null, "aHicux89", new WebPaymentLimits(MaxEnergyWh: 20000), All, out var error);
        Assert.Null(error);
        Assert.Equal("https://qr.mycmsms.com/CS1000/1/aHicux89/v1/?maxenergy=20000", url);
    }

    [Fact]
    public void TryBuild_RoamingTemplate_UsesRoamingEvseId()
    {
        var url = WebPaymentUrl.TryBuild("https://qr.mycsms.com/{roamingevseid}/{totp}/{version}", "CS1", 2, "NL*ABC*E123", "pw123456", null, All, out _);
        Assert.Equal("https://qr.mycsms.com/NL%2AABC%2AE123/pw123456/v1", url);
    }

    [Fact]
    public void TryBuild_ExistingQueryAndUnsupportedParameter_AppendsOnlySupported()
    {
        var url = WebPaymentUrl.TryBuild("https://pay.example/{chargingstationid}?e={evse}", "CS1", 1, null, null, new WebPaymentLimits(3600, 5000, 12.5m), ["maxtime"], out _);
        Assert.Equal("https://pay.example/CS1?e=1&maxtime=3600", url);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("https://pay.example/{evse}", "neither")]
    [InlineData("https://pay.example/{roamingevseid}", "RoamingEvseId")]
    [InlineData("https://pay.example/{chargingstationid}/{totp}", "SharedSecret")]
    [InlineData("ftp://pay.example/{chargingstationid}", "http")]
    [InlineData("not a url {chargingstationid}", "http")]
    public void TryBuild_BadTemplate_ReturnsNullWithReason(string? template, string reason)
    {
        Assert.Null(WebPaymentUrl.TryBuild(template, "CS1", 1, null, null, null, All, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
