using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Meters;

/// <summary>
/// An <see cref="IEnergyMeter"/> read over Modbus, driven entirely by a <see cref="MeterProfile"/>: one transaction per
/// register block of the profile, values decoded and scaled to V, A, W, Hz and Wh.
/// </summary>
/// <remarks>Not safe for concurrent reads of the same instance; the bus underneath may be shared (<see cref="Rs485Bus"/>).</remarks>
public sealed class ModbusEnergyMeter : IEnergyMeter
{
    private readonly IModbusMaster _master;
    private readonly TimeProvider _time;
    private readonly (MeterRegisterBlock Block, MeterRegister[] Registers)[] _plan;
    private double? _lastEnergyImportWh;

    /// <summary>Creates the meter.</summary>
    /// <param name="master">The Modbus master (normally the <see cref="Rs485Bus"/> owning the line).</param>
    /// <param name="profile">The register map.</param>
    /// <param name="slaveAddress">The meter's Modbus address, 1–247.</param>
    /// <param name="timeProvider">Clock for reading timestamps.</param>
    public ModbusEnergyMeter(IModbusMaster master, MeterProfile profile, byte slaveAddress, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (slaveAddress is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(slaveAddress), slaveAddress, "Slave address must be 1–247.");
        }

        _master = master;
        _time = timeProvider;
        Profile = profile;
        SlaveAddress = slaveAddress;
        _plan = [.. profile.Blocks.Select(b => (b, profile.Registers.Values
            .Where(r => r.FunctionCode == b.FunctionCode && r.Address >= b.StartAddress && r.Address + r.RegisterCount <= b.StartAddress + b.Count)
            .ToArray()))];
    }

    /// <inheritdoc/>
    public int Phases => Profile.Phases;

    /// <summary>The register map in use.</summary>
    public MeterProfile Profile { get; }

    /// <summary>The meter's Modbus address.</summary>
    public byte SlaveAddress { get; }

    /// <inheritdoc/>
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<MeterReading>(cancellationToken) : ReadCoreAsync(cancellationToken);

    private static MeterFault ToFault(ModbusErrorKind kind) => kind switch
    {
        ModbusErrorKind.Timeout => MeterFault.Timeout,
        ModbusErrorKind.CrcError or ModbusErrorKind.InvalidResponse => MeterFault.CrcError,
        ModbusErrorKind.SlaveException => MeterFault.ProtocolException,
        _ => MeterFault.PortUnavailable,
    };

    private async ValueTask<MeterReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<MeterQuantity, double>();
        foreach (var (block, registers) in _plan)
        {
            ushort[] raw;
            try
            {
                raw = await _master.ReadRegistersAsync(SlaveAddress, block.FunctionCode, block.StartAddress, block.Count, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException ex)
            {
                throw new MeterReadException(ToFault(ex.Kind), $"meter '{Profile.Name}' at {_master.PortName} address {SlaveAddress}: {ex.Message}", ex);
            }

            foreach (var r in registers)
            {
                var offset = r.Address - block.StartAddress;
                values[r.Quantity] = MeterRegisterDecoder.Decode(raw.AsSpan(offset, r.RegisterCount), r.Type, r.WordOrder) * r.Scale;
            }
        }

        return Validate(values);
    }

    private MeterReading Validate(Dictionary<MeterQuantity, double> values)
    {
        foreach (var (quantity, value) in values)
        {
            if (!double.IsFinite(value))
            {
                throw Invalid($"{quantity} is not a number (the meter reports 'no value')");
            }
        }

        var energyImport = values[MeterQuantity.EnergyImport];
        if (energyImport < 0)
        {
            throw Invalid($"imported energy is negative ({energyImport} Wh)");
        }

        // A register that goes backwards would make OCPP meter values (and the bill) decrease.
        if (_lastEnergyImportWh is { } last && energyImport < last)
        {
            throw Invalid($"imported energy went backwards ({last} Wh → {energyImport} Wh)");
        }

        double[] PerPhase(MeterQuantity l1) =>
            [.. Enumerable.Range(0, Phases).Select(i => (MeterQuantity)((int)l1 + i)).Where(values.ContainsKey).Select(q => values[q])];

        var power = PerPhase(MeterQuantity.PowerL1);
        var total = values.TryGetValue(MeterQuantity.PowerTotal, out var t) ? t : power.Sum();
        if (power.Length == 0 && Phases == 1)
        {
            power = [total];
        }

        _lastEnergyImportWh = energyImport;
        return new MeterReading(
            _time.GetUtcNow(),
            PerPhase(MeterQuantity.VoltageL1),
            PerPhase(MeterQuantity.CurrentL1),
            power,
            total,
            energyImport,
            values.TryGetValue(MeterQuantity.EnergyExport, out var export) ? export : null,
            values.TryGetValue(MeterQuantity.Frequency, out var frequency) ? frequency : null);
    }

    private MeterReadException Invalid(string what) =>
        new(MeterFault.InvalidData, $"meter '{Profile.Name}' at {_master.PortName} address {SlaveAddress}: {what}");
}
