using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Tariffs;

namespace ChargerController.Station.Tests.Tariffs;

/// <summary>Bad tariffs give the spec's status, never an exception (I07.FR.02-05, I11.FR.02/03).</summary>
public sealed class TariffValidatorTests
{
    private static TariffType Parse(string json) => JsonSerializer.Deserialize(json, OcppJsonContext.Default.TariffType)!;

    [Theory]
    [InlineData("""{"tariffId":"","currency":"EUR","energy":{"prices":[{"priceKwh":0.3}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"euro","energy":{"prices":[{"priceKwh":0.3}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR"}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":-0.1}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":0.1,"conditions":{"startTimeOfDay":"25:00"}}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":0.1,"conditions":{"minPower":5000,"maxPower":100}}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":0.1}],"taxRates":[{"type":"vat","tax":-5}]}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":0.1}]},"minCost":{"exclTax":5},"maxCost":{"exclTax":1}}""")]
    [InlineData("""{"tariffId":"a","currency":"EUR","fixedFee":{"prices":[{"priceFixed":1,"conditions":{"validFromDate":"2025/01/01"}}]}}""")]
    public void Malformed_Invalid(string json)
    {
        Assert.Equal(TariffCheck.Invalid, TariffValidator.Check(Parse(json), 8, true, out var reason));
        Assert.NotNull(reason);
    }

    [Fact]
    public void NullTariff_Invalid() => Assert.Equal(TariffCheck.Invalid, TariffValidator.Check(null, 8, true, out _));

    [Fact]
    public void TooManyElements_PerField()
    {
        var tariff = Parse("""{"tariffId":"a","currency":"EUR","energy":{"prices":[{"priceKwh":0.1},{"priceKwh":0.2},{"priceKwh":0.3}]}}""");
        Assert.Equal(TariffCheck.TooManyElements, TariffValidator.Check(tariff, 2, true, out _));
        Assert.Equal(TariffCheck.Ok, TariffValidator.Check(tariff, 3, true, out _));
    }

    [Fact]
    public void Conditions_NotSupported()
    {
        var tariff = Parse("""{"tariffId":"a","currency":"EUR","idleTime":{"prices":[{"priceMinute":1,"conditions":{"minIdleTime":300}}]}}""");
        Assert.Equal(TariffCheck.ConditionNotSupported, TariffValidator.Check(tariff, 8, false, out _));
        Assert.Equal(TariffCheck.Ok, TariffValidator.Check(tariff, 8, true, out _));
    }

    [Fact]
    public void Conditions_OvernightWindow_Holds()
    {
        var c = new TariffConditionsType { StartTimeOfDay = "22:00", EndTimeOfDay = "06:00" };
        TariffMoment At(int hour) => new(new DateTime(2025, 1, 1, hour, 0, 0), 0, null, null, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Ocpp.Enums.EvseKindEnumType.AC);
        Assert.True(TariffConditions.Holds(c, At(23)));
        Assert.True(TariffConditions.Holds(c, At(5)));
        Assert.False(TariffConditions.Holds(c, At(6)));
        Assert.False(TariffConditions.Holds(c, At(12)));
    }

    [Fact]
    public void Conditions_PowerUnmeasured_DoesNotHold()
    {
        var moment = new TariffMoment(new DateTime(2025, 1, 1), 0, null, null, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Ocpp.Enums.EvseKindEnumType.AC);
        Assert.False(TariffConditions.Holds(new TariffConditionsType { MinPower = 11000 }, moment));
        Assert.True(TariffConditions.Holds(new TariffConditionsType { MaxPower = 11000 }, moment with { PowerW = 7000 }));
    }
}
