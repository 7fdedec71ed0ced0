using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class OcmfMeterSignerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ocmf-signer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static MeterReading Reading(double wh) =>
        new(new DateTimeOffset(2026, 11, 24, 21, 30, 15, 250, TimeSpan.Zero), [230.0], [16.0], [3680.0], 3680.0, wh, 0.0, 50.0);

    // Checks the data set with .NET's crypto only: the payload between the two '|', the DER signature in SD (hex) and
    // the key in J02.FR.23 form.
    private static bool Verifies(SignedMeterData signed)
    {
        var parts = Encoding.UTF8.GetString(signed.Data.Span).Split('|');
        using var signature = JsonDocument.Parse(parts[2]);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromHexString(signed.PublicKey["oca:base16:asn1:".Length..]), out _);
        return parts[0] == "OCMF" && key.VerifyData(
            Encoding.UTF8.GetBytes(parts[1]),
            Convert.FromHexString(signature.RootElement.GetProperty("SD").GetString()!),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
    }

    private static JsonElement Payload(SignedMeterData signed)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(signed.Data.Span).Split('|')[1]);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Sign_OcmfDataSet_VerifiesWithPublicKey_CarriesRegisterAndContext()
    {
        using var signer = OcmfMeterSigner.CreateEphemeral("SN-42");
        var signed = signer.Sign(Reading(1234.56789), MeterSigningContext.TransactionEnd)!;

        Assert.True(Verifies(signed));
        Assert.Equal("ECDSA-secp256r1-SHA256", signed.SigningMethod);
        Assert.Equal("OCMF", signed.EncodingMethod);
        Assert.StartsWith("oca:base16:asn1:", signed.PublicKey, StringComparison.Ordinal);
        var payload = Payload(signed);
        Assert.Equal("SN-42", payload.GetProperty("MS").GetString());
        Assert.Equal("T1", payload.GetProperty("PG").GetString());
        var rd = payload.GetProperty("RD")[0];
        Assert.Equal(1234.568m, rd.GetProperty("RV").GetDecimal());
        Assert.Equal("Wh", rd.GetProperty("RU").GetString());
        Assert.Equal("1-b:1.8.0", rd.GetProperty("RI").GetString());
        Assert.Equal("E", rd.GetProperty("TX").GetString());
        Assert.Equal("2026-11-24T21:30:15,250+0000 I", rd.GetProperty("TM").GetString());
        Assert.Contains("\"TM\":\"2026-11-24T21:30:15,250+0000 I\"", System.Text.Encoding.UTF8.GetString(signed.Data.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_TamperedRegister_DoesNotVerify()
    {
        using var signer = OcmfMeterSigner.CreateEphemeral("SN-42");
        var signed = signer.Sign(Reading(1000), MeterSigningContext.TransactionBegin)!;
        var tampered = Encoding.UTF8.GetString(signed.Data.Span).Replace("\"RV\":1000", "\"RV\":900", StringComparison.Ordinal);
        Assert.NotEqual(Encoding.UTF8.GetString(signed.Data.Span), tampered);
        Assert.False(Verifies(signed with { Data = Encoding.UTF8.GetBytes(tampered) }));
    }

    [Fact]
    public void Sign_EachDataSetHasItsOwnPage()
    {
        using var signer = OcmfMeterSigner.CreateEphemeral("SN-42");
        var first = Payload(signer.Sign(Reading(1), MeterSigningContext.Other)!);
        var second = Payload(signer.Sign(Reading(1), MeterSigningContext.Other)!);
        Assert.Equal("T1", first.GetProperty("PG").GetString());
        Assert.Equal("T2", second.GetProperty("PG").GetString());
        Assert.Equal("T", first.GetProperty("RD")[0].GetProperty("TX").GetString());
    }

    [Fact]
    public void Sign_NotFiniteRegister_Null()
    {
        using var signer = OcmfMeterSigner.CreateEphemeral("SN-42");
        Assert.Null(signer.Sign(Reading(double.NaN), MeterSigningContext.Other));
    }

    [Fact]
    public void LoadOrCreate_KeyKeptAcrossRestarts_FileOwnerOnly()
    {
        var file = Path.Combine(directory, "state", "meter-1.pem");
        string key;
        using (var first = OcmfMeterSigner.LoadOrCreate(file, "SN-1"))
        {
            key = first.PublicKey;
        }

        using var second = OcmfMeterSigner.LoadOrCreate(file, "SN-1");
        Assert.Equal(key, second.PublicKey);
        Assert.True(Verifies(second.Sign(Reading(5), MeterSigningContext.Other)!));
        Assert.Contains("PRIVATE KEY", File.ReadAllText(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void LoadOrCreate_DamagedFile_KeptAsideAndReplaced()
    {
        var file = Path.Combine(directory, "meter-1.pem");
        File.WriteAllText(file, "not a key");

        using var signer = OcmfMeterSigner.LoadOrCreate(file, "SN-1");

        Assert.Equal("not a key", File.ReadAllText(file + ".bad"));
        Assert.True(Verifies(signer.Sign(Reading(5), MeterSigningContext.Other)!));
        using var again = OcmfMeterSigner.LoadOrCreate(file, "SN-1");
        Assert.Equal(signer.PublicKey, again.PublicKey);
    }

    [Fact]
    public async Task SimulatedMeter_SignsItsOwnReading_KeyFromOptions()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var file = Path.Combine(directory, "sim.pem");
        using var evse = new SimulatedEvse(time, new SimulatedEvseOptions
        {
            Ev = new SimulatedEvOptions { ResponseDelay = TimeSpan.Zero },
            Meter = new SimulatedMeterOptions { SerialNumber = "SIM-7", SigningKeyFile = file, InitialEnergyImportWh = 500 },
        });
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
        evse.Contactor.Close(PhaseSelection.AllPhases);
        time.Advance(TimeSpan.FromMinutes(10));

        IEnergyMeter meter = evse.Meter;
        var reading = await meter.ReadAsync(CancellationToken.None);
        var signed = meter.Signer!.Sign(reading, MeterSigningContext.TransactionUpdate)!;

        Assert.True(Verifies(signed));
        Assert.True(File.Exists(file));
        var rd = Payload(signed).GetProperty("RD")[0];
        Assert.Equal(decimal.Round((decimal)reading.EnergyImportWh, 3), rd.GetProperty("RV").GetDecimal());
        Assert.True(reading.EnergyImportWh > 500);
        Assert.Equal("SIM-7", Payload(signed).GetProperty("MS").GetString());
        Assert.Same(meter.Signer, meter.Signer);
    }
}
