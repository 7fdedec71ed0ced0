namespace ChargerController.Station.Tariffs;

/// <summary>A persisted <see cref="CostSum"/>.</summary>
/// <param name="ExclTax">Net amount.</param>
/// <param name="InclTax">Amount including tax.</param>
/// <param name="Taxed">Whether taxes applied.</param>
public sealed record CostSumSnapshot(decimal ExclTax, decimal InclTax, bool Taxed);
