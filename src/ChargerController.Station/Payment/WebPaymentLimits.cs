namespace ChargerController.Station.Payment;

/// <summary>
/// Limits the driver entered before the QR code was shown (C25.FR.03-06): added to the URL as <c>maxtime</c>,
/// <c>maxenergy</c> and <c>maxcost</c> and enforced for the transaction the CSMS then starts on that EVSE.
/// </summary>
/// <param name="MaxTimeS">Maximum charging time, seconds.</param>
/// <param name="MaxEnergyWh">Maximum energy, Wh.</param>
/// <param name="MaxCost">Maximum cost, in the currency of the station's tariff.</param>
public sealed record WebPaymentLimits(int? MaxTimeS = null, decimal? MaxEnergyWh = null, decimal? MaxCost = null)
{
    /// <summary>Gets a value indicating whether no limit is set.</summary>
    public bool IsEmpty => MaxTimeS is null && MaxEnergyWh is null && MaxCost is null;
}
