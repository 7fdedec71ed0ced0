using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Tariffs;

/// <summary>What TariffCostCtrlr says now (Part 2 appendix, TariffCostCtrlr); read on every use so a SetVariables applies at once.</summary>
/// <param name="TariffEnabled">Enabled[Tariff]: TariffType structures are taken (I07.FR.01).</param>
/// <param name="CostEnabled">Enabled[Cost]: local cost calculation (I12.FR.01).</param>
/// <param name="RunningCostEnabled">Enabled[RunningCost]: costDetails in Started and every Interval[Cost] (I12.FR.02).</param>
/// <param name="TariffInterval">Interval[Tariff]: how often current, power and energy are sampled (I12.FR.31/32).</param>
/// <param name="CostInterval">Interval[Cost]: running cost update period (I12.FR.02).</param>
/// <param name="MaxElements">MaxElements[Tariff]: prices per field (I07.FR.02).</param>
/// <param name="ConditionsSupported">ConditionsSupported[Tariff] (I07.FR.03).</param>
/// <param name="HandleFailedTariff">HandleFailedTariff: Deauthorize, UseDefault or CentralCost (I08.FR.31-33).</param>
/// <param name="Currency">Currency: the station's ISO 4217 code.</param>
public sealed record TariffSettings(
    bool TariffEnabled,
    bool CostEnabled,
    bool RunningCostEnabled,
    TimeSpan TariffInterval,
    TimeSpan CostInterval,
    int MaxElements,
    bool ConditionsSupported,
    string HandleFailedTariff,
    string? Currency)
{
    /// <summary>The controller's name.</summary>
    public const string Ctrlr = "TariffCostCtrlr";

    /// <summary>Gets a value indicating whether local cost calculation runs (both Enabled[Tariff] and Enabled[Cost], I12.FR.01).</summary>
    public bool LocalCost => TariffEnabled && CostEnabled;

    /// <summary>Reads the settings.</summary>
    /// <param name="model">The device model.</param>
    /// <returns>The settings.</returns>
    public static TariffSettings Read(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TariffSettings(
            Bool(model, "Enabled", "Tariff", true),
            Bool(model, "Enabled", "Cost", true),
            Bool(model, "Enabled", "RunningCost", false),
            TimeSpan.FromSeconds(Math.Max(0, model.GetInt(Ctrlr, "Interval", 60, "Tariff"))),
            TimeSpan.FromSeconds(Math.Max(0, model.GetInt(Ctrlr, "Interval", 60, "Cost"))),
            Math.Max(1, model.GetInt(Ctrlr, "MaxElements", DeviceModelCatalog.TariffMaxElements, "Tariff")),
            Bool(model, "ConditionsSupported", "Tariff", true),
            model.GetValue(VariableKey.Of(Ctrlr, "HandleFailedTariff", "Tariff")) ?? "UseDefault",
            model.GetValue(VariableKey.Of(Ctrlr, "Currency")));
    }

    /// <summary>Reads a text variable of TariffCostCtrlr (fallback messages); null when empty.</summary>
    /// <param name="model">The device model.</param>
    /// <param name="variable">The variable.</param>
    /// <returns>The text or null.</returns>
    public static string? Text(StationDeviceModel model, string variable)
    {
        ArgumentNullException.ThrowIfNull(model);
        var value = model.GetValue(VariableKey.Of(Ctrlr, variable));
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static bool Bool(StationDeviceModel model, string variable, string instance, bool fallback) =>
        model.GetValue(VariableKey.Of(Ctrlr, variable, instance)) is { } text && bool.TryParse(text, out var value)
            ? value : fallback;
}
