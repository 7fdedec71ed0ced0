using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.MeterValues;

/// <summary>
/// Signed meter values (J01.FR.21, J02.FR.21, E02.FR.14; Part 2 §2.4): when the CSMS switched signing on, the
/// register reading of a meter that can sign gets the meter's signed data set in <c>signedMeterValue</c>. Only the
/// import energy register is signed: that is the billing value a signing (Eichrecht) meter signs; power, current and
/// voltage go unsigned. Which readings are signed follows the controllers' variables:
/// SampledDataCtrlr.SignReadings (the Ended-event values) with SignStartedReadings / SignUpdatedReadings for the
/// Transaction.Begin and Updated values, AlignedDataCtrlr.SignReadings with SignUpdatedReadings for clock-aligned values
/// in Updated events. Keeps, per EVSE, which transaction already carried the public key (OncePerTransaction).
/// </summary>
public sealed class MeterValueSigning
{
    private const string Sampled = "SampledDataCtrlr";
    private const string Aligned = "AlignedDataCtrlr";
    private readonly Dictionary<int, string> _keySentFor = [];
    private readonly Lock _gate = new();

    /// <summary>Whether a meter value built from <paramref name="component"/>.<paramref name="variable"/>'s measurands is to be signed.</summary>
    /// <param name="model">The device model.</param>
    /// <param name="component">SampledDataCtrlr or AlignedDataCtrlr.</param>
    /// <param name="variable">The measurand list the value was built from (TxStartedMeasurands, TxUpdatedMeasurands, TxEndedMeasurands, Measurands).</param>
    /// <param name="inTransaction">Whether the value goes into a TransactionEvent (false: a MeterValuesRequest).</param>
    /// <returns>True to sign.</returns>
    public static bool ShouldSign(StationDeviceModel model, string component, string variable, bool inTransaction)
    {
        ArgumentNullException.ThrowIfNull(model);

        // SignStartedReadings / SignUpdatedReadings (2.1) only narrow SignReadings; unset they follow it (2.0.1 meaning).
        if (component == Sampled && model.GetBool(Sampled, "SignReadings", false))
        {
            return variable switch
            {
                "TxStartedMeasurands" => model.GetBool(Sampled, "SignStartedReadings", true),
                "TxUpdatedMeasurands" => model.GetBool(Sampled, "SignUpdatedReadings", true),
                _ => true,
            };
        }

        if (component == Aligned && model.GetBool(Aligned, "SignReadings", false))
        {
            // J01.FR.21: aligned values of an idle EVSE (MeterValuesRequest) are signed too.
            return variable != "Measurands" || !inTransaction || model.GetBool(Aligned, "SignUpdatedReadings", true);
        }

        return false;
    }

    /// <summary>Reads OCPPCommCtrlr.PublicKeyWithSignedMeterValue.</summary>
    /// <param name="model">The device model.</param>
    /// <returns>The setting; OncePerTransaction when unset or unknown.</returns>
    public static PublicKeyWithSignedMeterValue PublicKeyMode(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "PublicKeyWithSignedMeterValue")) switch
        {
            "Never" => PublicKeyWithSignedMeterValue.Never,
            "EveryMeterValue" => PublicKeyWithSignedMeterValue.EveryMeterValue,
            _ => PublicKeyWithSignedMeterValue.OncePerTransaction,
        };
    }

    /// <summary>The meter's signing context for a reading context.</summary>
    /// <param name="context">The OCPP reading context.</param>
    /// <param name="inTransaction">Whether a transaction runs.</param>
    /// <returns>The context.</returns>
    public static MeterSigningContext ContextOf(ReadingContextEnumType context, bool inTransaction) => context switch
    {
        ReadingContextEnumType.TransactionBegin => MeterSigningContext.TransactionBegin,
        ReadingContextEnumType.TransactionEnd => MeterSigningContext.TransactionEnd,
        _ => inTransaction ? MeterSigningContext.TransactionUpdate : MeterSigningContext.Other,
    };

    /// <summary>
    /// Puts the meter's signed data set on the import register sampled value of <paramref name="value"/>. A meter that
    /// has no signature for the reading leaves the value unsigned (J01.FR.21: from components that support signing).
    /// </summary>
    /// <param name="value">The meter value built from <paramref name="reading"/>; changed in place.</param>
    /// <param name="reading">The reading.</param>
    /// <param name="signer">The meter's signer.</param>
    /// <param name="context">The reading's context.</param>
    /// <param name="mode">PublicKeyWithSignedMeterValue.</param>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="transactionId">The running transaction, or <see langword="null"/>.</param>
    /// <returns>True when a signature was attached.</returns>
    public bool Sign(MeterValueType value, MeterReading reading, MeterSigner signer, MeterSigningContext context, PublicKeyWithSignedMeterValue mode, int evseId, string? transactionId)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(signer);
        var register = value.SampledValue.FirstOrDefault(s => s.Measurand is null or MeasurandEnumType.EnergyActiveImportRegister && s.Phase is null);
        if (register is null || signer.Sign(reading, context) is not { } signed)
        {
            return false;
        }

        register.SignedMeterValue = new SignedMeterValueType
        {
            SignedMeterData = Convert.ToBase64String(signed.Data.Span),
            SigningMethod = signed.SigningMethod,
            EncodingMethod = signed.EncodingMethod,

            // Part 2 §2.9.25: an empty key instead of none keeps the 2.0.1 schema (publicKey required there) satisfied.
            PublicKey = IncludeKey(mode, evseId, transactionId) ? signed.PublicKey : string.Empty,
        };
        return true;
    }

    private bool IncludeKey(PublicKeyWithSignedMeterValue mode, int evseId, string? transactionId)
    {
        switch (mode)
        {
            case PublicKeyWithSignedMeterValue.Never:
                return false;
            case PublicKeyWithSignedMeterValue.EveryMeterValue:
                return true;
            default:
                if (transactionId is null)
                {
                    return true;
                }

                lock (_gate)
                {
                    if (_keySentFor.TryGetValue(evseId, out var sent) && string.Equals(sent, transactionId, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    _keySentFor[evseId] = transactionId;
                    return true;
                }
        }
    }
}
