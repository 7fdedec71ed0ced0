namespace ChargerController.Station.Tariffs;

/// <summary>A running amount of one cost component, net and including tax (taxes of the tariff in force when each part was added).</summary>
public sealed class CostSum
{
    /// <summary>Gets or sets the net amount.</summary>
    public decimal ExclTax { get; set; }

    /// <summary>Gets or sets the amount including tax.</summary>
    public decimal InclTax { get; set; }

    /// <summary>Gets or sets a value indicating whether any part had tax rates.</summary>
    public bool Taxed { get; set; }

    /// <summary>Adds a net amount with its tax rates.</summary>
    /// <param name="exclTax">The net amount.</param>
    /// <param name="taxRates">The rates.</param>
    public void Add(decimal exclTax, IReadOnlyList<Ocpp.DataTypes.TaxRateType>? taxRates)
    {
        ExclTax += exclTax;
        InclTax += TaxMath.InclTax(exclTax, taxRates);
        Taxed |= taxRates is { Count: > 0 };
    }
}
