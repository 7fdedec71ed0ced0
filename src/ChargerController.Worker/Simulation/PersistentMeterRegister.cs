using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Worker.Simulation;

/// <summary>
/// Keeps a simulated meter's import register across chargerd restarts, as a real meter keeps it across power loss: a
/// restarted station must never read a register below one it already reported (the CSMS bills meterStop − meterStart).
/// The file in the state directory holds a mark at least <see cref="HeadroomWh"/> above every value handed out, written
/// (temporary file, then rename) before the reading that passes the old mark is returned, so a SIGKILL at any moment
/// leaves a mark above everything reported; the next start counts on from the mark. One write per 10 Wh: every few
/// seconds per charging EVSE, never while idle.
/// </summary>
internal sealed class PersistentMeterRegister : IEnergyMeter
{
    private const double HeadroomWh = 10.0;
    private readonly IEnergyMeter inner;
    private readonly string path;
    private readonly Lock gate = new();
    private double markWh;

    public PersistentMeterRegister(IEnergyMeter inner, string path, double markWh)
    {
        this.inner = inner;
        this.path = path;
        this.markWh = markWh;
    }

    public int Phases => inner.Phases;

    /// <summary>The simulated meter's signer: the register kept here is the one it signs.</summary>
    public MeterSigner? Signer => inner.Signer;

    /// <summary>The register to start the simulated meter from: the saved mark, 0 for a new state directory.</summary>
    public static double Load(string path)
    {
        try
        {
            return File.Exists(path) && double.TryParse(File.ReadAllText(path), NumberStyles.Float, CultureInfo.InvariantCulture, out var wh) && wh >= 0 ? wh : 0.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0.0;
        }
    }

    public async ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reading = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            if (reading.EnergyImportWh > markWh)
            {
                Save(reading.EnergyImportWh + HeadroomWh);
            }
        }

        return reading;
    }

    private void Save(double wh)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, wh.ToString("R", CultureInfo.InvariantCulture));
            File.Move(temporary, path, overwrite: true);
            markWh = wh;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A simulation detail: an unwritable state directory must not stop the (simulated) charging; the next
            // reading tries again.
        }
    }
}
