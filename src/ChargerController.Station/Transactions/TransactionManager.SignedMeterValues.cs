using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.MeterValues;

namespace ChargerController.Station.Transactions;

/// <content>Signed meter values (J01.FR.21, J02.FR.21): the meter signs a reading when it is taken, not when it is sent.</content>
public sealed partial class TransactionManager
{
    private readonly MeterValueSigning _signing = new();

    // Signs at sampling time, so the signed data set of a value collected for the Ended event is the meter's data set
    // of that moment (journaled with it), as a meter that signs in hardware would give it.
    private MeterValueType? SignIfConfigured(MeterValueType? value, MeterReading reading, string component, string variable, ReadingContextEnumType context, int evseId, string? transactionId)
    {
        var inTransaction = transactionId is not null;
        if (value is null || _context is not { DeviceModel: var model } || !MeterValueSigning.ShouldSign(model, component, variable, inTransaction))
        {
            return value;
        }

        // The signer is only asked for once signing is on: a meter may set it up on first use (the simulated one makes its key).
        if (_meters.TryGetValue(evseId, out var meter) && meter.Signer is { } signer)
        {
            _signing.Sign(value, reading, signer, MeterValueSigning.ContextOf(context, inTransaction), MeterValueSigning.PublicKeyMode(model), evseId, transactionId);
        }

        return value;
    }
}
