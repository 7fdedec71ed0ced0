using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.CrashHost;

/// <summary>
/// A simulated meter whose import register survives the process like a real meter's does: every value handed out is
/// written to the state directory first, so a reading reported before a SIGKILL is never above the register after it.
/// </summary>
internal sealed class PersistentRegisterMeter : IEnergyMeter
{
    private readonly IEnergyMeter _inner;
    private readonly string _path;
    private readonly double _offset;
    private readonly Lock _gate = new();
    private double _persisted;

    public PersistentRegisterMeter(IEnergyMeter inner, string path, double offset)
    {
        _inner = inner;
        _path = path;
        _offset = offset;
        _persisted = offset;
    }

    public int Phases => _inner.Phases;

    public static double Load(string path) =>
        File.Exists(path) && double.TryParse(File.ReadAllText(path), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 1000.0;

    public async ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        var reading = await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        var register = reading.EnergyImportWh + _offset;
        lock (_gate)
        {
            if (register > _persisted)
            {
                var temp = _path + ".tmp";
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(System.Text.Encoding.ASCII.GetBytes(register.ToString("R", CultureInfo.InvariantCulture)));
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, _path, overwrite: true);
                _persisted = register;
            }
        }

        return reading with { EnergyImportWh = register };
    }
}
