using ChargerController.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>The OCPP 2.1 smart-charging switches of section SmartCharging bind and validate as deploy/config/README.md documents them.</summary>
public sealed class SmartChargingConfigurationTests
{
    private static SmartChargingConfiguration Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build()
            .GetSection(SmartChargingConfiguration.Section).Get<SmartChargingConfiguration>() ?? new SmartChargingConfiguration();

    [Fact]
    public void Defaults_OfferEveryOption()
    {
        var options = Bind([]).ToOptions(1);
        Assert.True(options.SupportsUseLocalTime);
        Assert.True(options.SupportsRandomizedDelay);
        Assert.Equal(["PriorityCharging", "LocalGeneration"], options.SupportedAdditionalPurposes);
    }

    [Fact]
    public void Switches_TurnOptionsOff()
    {
        var configuration = Bind(new Dictionary<string, string?>
        {
            ["SmartCharging:SupportsUseLocalTime"] = "false",
            ["SmartCharging:SupportsRandomizedDelay"] = "false",
            ["SmartCharging:SupportedAdditionalPurposes"] = " LocalGeneration ",
        });
        Assert.Empty(configuration.Validate());
        var options = configuration.ToOptions(2);
        Assert.False(options.SupportsUseLocalTime);
        Assert.False(options.SupportsRandomizedDelay);
        Assert.Equal(["LocalGeneration"], options.SupportedAdditionalPurposes);
        Assert.Empty(Bind(new Dictionary<string, string?> { ["SmartCharging:SupportedAdditionalPurposes"] = string.Empty }).ToOptions(1).SupportedAdditionalPurposes);
    }

    [Fact]
    public void UnknownPurpose_IsAConfigurationError()
    {
        var errors = Bind(new Dictionary<string, string?> { ["SmartCharging:SupportedAdditionalPurposes"] = "PriorityCharging,Bidirectional" }).Validate();
        Assert.Contains(errors, e => e.Contains("Bidirectional", StringComparison.Ordinal));
    }
}
