namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>
/// An energy meter that may sign its register readings (German Eichrecht / OCMF style metering). The station asks for a
/// signature only when the CSMS switched signed meter values on (SampledDataCtrlr / AlignedDataCtrlr.SignReadings).
/// A meter without signing support simply does not implement this interface, or returns a <see langword="null"/>
/// <see cref="Signer"/> (e.g. a wrapper around a meter that cannot sign).
/// </summary>
public interface ISigningEnergyMeter : IEnergyMeter
{
    /// <summary>Gets the signing capability, or <see langword="null"/> when this meter cannot sign.</summary>
    IMeterSigner? Signer { get; }
}
