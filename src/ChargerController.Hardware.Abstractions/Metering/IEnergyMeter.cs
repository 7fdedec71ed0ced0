namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>An energy meter measuring one EVSE (or the site, for load balancing).</summary>
public interface IEnergyMeter
{
    /// <summary>Number of phases the meter measures (1 or 3).</summary>
    int Phases { get; }

    /// <summary>Reads one complete snapshot.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="MeterReadException">The meter could not be read; <see cref="MeterReadException.Fault"/> says why.</exception>
    ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gets the meter's signing capability (Eichrecht / OCMF style signed register readings), or <see langword="null"/>
    /// when the meter cannot sign: the default, so a driver for a meter without signatures implements nothing. The
    /// station asks for signatures only when the CSMS switched signed meter values on.
    /// </summary>
    MeterSigner? Signer => null;
}
