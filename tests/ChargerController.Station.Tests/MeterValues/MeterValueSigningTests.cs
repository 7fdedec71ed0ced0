using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.MeterValues;

namespace ChargerController.Station.Tests.MeterValues;

public sealed class MeterValueSigningTests
{
    private static readonly MeterReading Reading = new(DateTimeOffset.UnixEpoch, [230.0], [10.0], [2300.0], 2300.0, 4242.5, 0.0, 50.0);

    private static StationDeviceModel Model(bool signing = true) =>
        new(DeviceModelCatalog.Create(new StationIdentity { SignedMeterValues = signing }), new InMemoryDeviceModelStore());

    private static MeterValueType Value(params MeasurandEnumType[] measurands) =>
        MeterValueBuilder.Build(Reading, measurands, ReadingContextEnumType.SamplePeriodic, Reading.Timestamp, 16)!;

    private static void Set(StationDeviceModel model, string component, string variable, string value) =>
        Assert.Equal(SetVariableStatusEnumType.Accepted, model.TrySet(VariableKey.Of(component, variable), null, value, out _));

    [Fact]
    public void Catalog_MetersCannotSign_NoSignReadingsVariables()
    {
        var keys = DeviceModelCatalog.Create(new StationIdentity()).Select(d => d.Key.ToString()).ToList();
        Assert.DoesNotContain(keys, k => k.Contains("SignReadings", StringComparison.Ordinal) || k.Contains("PublicKeyWithSignedMeterValue", StringComparison.Ordinal));
        var signing = DeviceModelCatalog.Create(new StationIdentity { SignedMeterValues = true });
        Assert.Contains(signing, d => d.Key == VariableKey.Of("SampledDataCtrlr", "SignReadings") && d.InitialValue == "false");
        Assert.Contains(signing, d => d.Key == VariableKey.Of("AlignedDataCtrlr", "SignReadings") && d.InitialValue == "false");
        Assert.Contains(signing, d => d.Key == VariableKey.Of("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue") && d.DataType == DataEnumType.OptionList);
    }

    [Fact]
    public void ShouldSign_SignReadingsOff_Nothing()
    {
        var model = Model();
        Assert.False(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxEndedMeasurands", true));
        Assert.False(MeterValueSigning.ShouldSign(model, "AlignedDataCtrlr", "Measurands", false));
    }

    [Fact]
    public void ShouldSign_SampledOn_StartedAndUpdatedFollowTheirSwitches()
    {
        var model = Model();
        Set(model, "SampledDataCtrlr", "SignReadings", "true");
        Assert.True(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxEndedMeasurands", true));
        Assert.True(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxStartedMeasurands", true));
        Assert.True(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxUpdatedMeasurands", true));
        Assert.False(MeterValueSigning.ShouldSign(model, "AlignedDataCtrlr", "TxEndedMeasurands", true));

        Set(model, "SampledDataCtrlr", "SignStartedReadings", "false");
        Set(model, "SampledDataCtrlr", "SignUpdatedReadings", "false");
        Assert.False(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxStartedMeasurands", true));
        Assert.False(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxUpdatedMeasurands", true));
        Assert.True(MeterValueSigning.ShouldSign(model, "SampledDataCtrlr", "TxEndedMeasurands", true));
    }

    [Fact]
    public void ShouldSign_AlignedOn_UpdatedSwitchOnlyForTransactionEvents()
    {
        var model = Model();
        Set(model, "AlignedDataCtrlr", "SignReadings", "true");
        Set(model, "AlignedDataCtrlr", "SignUpdatedReadings", "false");
        Assert.True(MeterValueSigning.ShouldSign(model, "AlignedDataCtrlr", "TxEndedMeasurands", true));
        Assert.True(MeterValueSigning.ShouldSign(model, "AlignedDataCtrlr", "Measurands", false));
        Assert.False(MeterValueSigning.ShouldSign(model, "AlignedDataCtrlr", "Measurands", true));
    }

    [Theory]
    [InlineData(ReadingContextEnumType.TransactionBegin, true, MeterSigningContext.TransactionBegin)]
    [InlineData(ReadingContextEnumType.TransactionEnd, true, MeterSigningContext.TransactionEnd)]
    [InlineData(ReadingContextEnumType.SamplePeriodic, true, MeterSigningContext.TransactionUpdate)]
    [InlineData(ReadingContextEnumType.SampleClock, false, MeterSigningContext.Other)]
    public void ContextOf_MapsReadingContext(ReadingContextEnumType context, bool inTransaction, MeterSigningContext expected) =>
        Assert.Equal(expected, MeterValueSigning.ContextOf(context, inTransaction));

    [Fact]
    public void PublicKeyMode_FromDeviceModel()
    {
        var model = Model();
        Assert.Equal(PublicKeyWithSignedMeterValue.OncePerTransaction, MeterValueSigning.PublicKeyMode(model));
        Set(model, "OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "Never");
        Assert.Equal(PublicKeyWithSignedMeterValue.Never, MeterValueSigning.PublicKeyMode(model));
        Set(model, "OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "EveryMeterValue");
        Assert.Equal(PublicKeyWithSignedMeterValue.EveryMeterValue, MeterValueSigning.PublicKeyMode(model));
    }

    [Fact]
    public void Sign_OnlyTheImportRegister_KeyOncePerTransaction()
    {
        var signing = new MeterValueSigning();
        var signer = new CountingSigner();
        var first = Value(MeasurandEnumType.EnergyActiveImportRegister, MeasurandEnumType.PowerActiveImport, MeasurandEnumType.CurrentImport);
        Assert.True(signing.Sign(first, Reading, signer, MeterSigningContext.TransactionBegin, PublicKeyWithSignedMeterValue.OncePerTransaction, 1, "tx-1"));
        var signed = Assert.Single(first.SampledValue, s => s.SignedMeterValue is not null);
        Assert.Equal(MeasurandEnumType.EnergyActiveImportRegister, signed.Measurand);
        Assert.Equal("KEY", signed.SignedMeterValue!.PublicKey);
        Assert.Equal(Convert.ToBase64String("4242.5/TransactionBegin"u8), signed.SignedMeterValue.SignedMeterData);
        Assert.Equal("TEST-METHOD", signed.SignedMeterValue.SigningMethod);
        Assert.Equal("TEST-ENC", signed.SignedMeterValue.EncodingMethod);

        var second = Value(MeasurandEnumType.EnergyActiveImportRegister);
        signing.Sign(second, Reading, signer, MeterSigningContext.TransactionUpdate, PublicKeyWithSignedMeterValue.OncePerTransaction, 1, "tx-1");
        Assert.Equal(string.Empty, second.SampledValue[0].SignedMeterValue!.PublicKey);

        // Another EVSE's or the next transaction's first value carries the key again.
        var otherEvse = Value(MeasurandEnumType.EnergyActiveImportRegister);
        signing.Sign(otherEvse, Reading, signer, MeterSigningContext.TransactionUpdate, PublicKeyWithSignedMeterValue.OncePerTransaction, 2, "tx-2");
        Assert.Equal("KEY", otherEvse.SampledValue[0].SignedMeterValue!.PublicKey);
        var next = Value(MeasurandEnumType.EnergyActiveImportRegister);
        signing.Sign(next, Reading, signer, MeterSigningContext.TransactionBegin, PublicKeyWithSignedMeterValue.OncePerTransaction, 1, "tx-3");
        Assert.Equal("KEY", next.SampledValue[0].SignedMeterValue!.PublicKey);
        Assert.Equal(4, signer.Calls);
    }

    [Fact]
    public void Sign_NoRegisterInValue_OrMeterHasNoSignature_Unsigned()
    {
        var signing = new MeterValueSigning();
        var power = Value(MeasurandEnumType.PowerActiveImport);
        Assert.False(signing.Sign(power, Reading, new CountingSigner(), MeterSigningContext.Other, PublicKeyWithSignedMeterValue.EveryMeterValue, 1, null));
        Assert.All(power.SampledValue, s => Assert.Null(s.SignedMeterValue));

        var register = Value(MeasurandEnumType.EnergyActiveImportRegister);
        Assert.False(signing.Sign(register, Reading, new CountingSigner { Refuse = true }, MeterSigningContext.Other, PublicKeyWithSignedMeterValue.EveryMeterValue, 1, null));
        Assert.Null(register.SampledValue[0].SignedMeterValue);
    }

    private sealed class CountingSigner : MeterSigner
    {
        public bool Refuse { get; init; }

        public int Calls { get; private set; }

        public override string SigningMethod => "TEST-METHOD";

        public override string EncodingMethod => "TEST-ENC";

        public override string PublicKey => "KEY";

        public override SignedMeterData? Sign(MeterReading reading, MeterSigningContext context)
        {
            Calls++;
            return Refuse ? null : new SignedMeterData(System.Text.Encoding.UTF8.GetBytes($"{reading.EnergyImportWh}/{context}"), SigningMethod, EncodingMethod, PublicKey);
        }
    }
}
