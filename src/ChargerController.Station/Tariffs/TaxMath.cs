using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Tariffs;

/// <summary>Money arithmetic of block I, in decimal: stacked taxes (I12.FR.13) and the rounding of reported amounts.</summary>
public static class TaxMath
{
    /// <summary>Decimals kept in reported amounts: the spec's own examples carry three (2.875), so amounts are not cut to cents.</summary>
    public const int ReportedDecimals = 4;

    /// <summary>
    /// The amount including tax: the rates of stack 0 (or no stack) apply to the net amount, then those of stack 1 to that
    /// result, and so on; rates with the same stack add up (I12.FR.13).
    /// </summary>
    /// <param name="exclTax">The net amount.</param>
    /// <param name="taxRates">The rates, or null.</param>
    /// <returns>The amount including tax (the net amount when there are no rates).</returns>
    public static decimal InclTax(decimal exclTax, IReadOnlyList<TaxRateType>? taxRates)
    {
        if (taxRates is not { Count: > 0 })
        {
            return exclTax;
        }

        var amount = exclTax;
        foreach (var stack in taxRates.Where(t => t is not null).GroupBy(t => t.Stack ?? 0).OrderBy(g => g.Key))
        {
            amount += amount * stack.Sum(t => t.Tax) / 100m;
        }

        return amount;
    }

    /// <summary>Rounds an amount for a report (half away from zero, <see cref="ReportedDecimals"/> decimals).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The rounded amount.</returns>
    public static decimal Report(decimal amount) => Math.Round(amount, ReportedDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount for the driver's display to the currency's usual two decimals.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The rounded amount.</returns>
    public static decimal Display(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
