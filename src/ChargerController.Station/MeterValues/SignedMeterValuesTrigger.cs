using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.MeterValues;

/// <summary>
/// The custom trigger <c>SignedMeterValues</c> (TriggerMessage requestedMessage CustomTrigger, F06.FR.18): a
/// MeterValuesRequest per EVSE whose meter can sign, with the import register signed and the meter's public key,
/// whatever SignReadings says. A CSMS uses it to register a meter's key after installation or replacement, or to fetch
/// a signed register reading on demand. Rejected for an EVSE whose meter cannot sign, NotImplemented when none can.
/// </summary>
public sealed class SignedMeterValuesTrigger : ICustomTriggerSource
{
    /// <summary>The name in <c>customTrigger</c>.</summary>
    public const string Name = "SignedMeterValues";

    private static readonly MeasurandEnumType[] Register = [MeasurandEnumType.EnergyActiveImportRegister];
    private readonly IReadOnlyDictionary<int, IEnergyMeter> _meters;
    private readonly TimeProvider _time;
    private readonly MeterValueSigning _signing = new();

    /// <summary>Initializes a new instance of the <see cref="SignedMeterValuesTrigger"/> class.</summary>
    /// <param name="meters">The EVSE meters by evseId.</param>
    /// <param name="time">The clock.</param>
    public SignedMeterValuesTrigger(IReadOnlyDictionary<int, IEnergyMeter> meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(time);
        _meters = meters;
        _time = time;
    }

    /// <inheritdoc/>
    public string CustomTrigger => Name;

    /// <inheritdoc/>
    public bool Accepts(int? evseId) => Signing(evseId).Any();

    /// <inheritdoc/>
    public async Task SendCustomAsync(int? evseId, IStationMessageSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        foreach (var (id, meter, signer) in Signing(evseId))
        {
            MeterReading reading;
            try
            {
                reading = await meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MeterReadException)
            {
                // F06.FR.09: only current information; a meter that does not answer now sends nothing.
                continue;
            }

            if (MeterValueBuilder.Build(reading, Register, ReadingContextEnumType.Trigger, _time.GetUtcNow(), 0) is { } value
                && _signing.Sign(value, reading, signer, MeterSigningContext.Other, PublicKeyWithSignedMeterValue.EveryMeterValue, id, null))
            {
                await sender.CallRequestedAsync<MeterValuesRequest, MeterValuesResponse>(new MeterValuesRequest { EvseId = id, MeterValue = [value] }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IEnumerable<(int EvseId, IEnergyMeter Meter, MeterSigner Signer)> Signing(int? evseId) =>
        _meters.Where(m => evseId is null || m.Key == evseId)
            .OrderBy(m => m.Key)
            .Select(m => (m.Key, m.Value, m.Value.Signer))
            .Where(m => m.Signer is not null)
            .Select(m => (m.Key, m.Value, m.Signer!));
}
