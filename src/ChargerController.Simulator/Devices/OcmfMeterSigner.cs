using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// Signs register readings the way an Eichrecht meter does, in the Open Charge Metering Format (OCMF, S.A.F.E. e.V.):
/// <c>OCMF|{payload}|{"SA":"ECDSA-secp256r1-SHA256","SD":"&lt;hex DER signature&gt;"}</c>. The signature is ECDSA P-256
/// over SHA-256 of the payload's UTF-8 bytes, exactly as they appear between the two <c>|</c>. The payload carries one
/// reading (<c>RD</c>): time, transaction context, the import register in Wh, OBIS id 1-b:1.8.0. The public key is the
/// DER SubjectPublicKeyInfo in the form OCPP 2.1 J02.FR.23 recommends, <c>oca:base16:asn1:&lt;hex&gt;</c>.
/// The key is the simulated meter's own: kept in a PEM file (mode 0600) when one is given, so the key a CSMS has on
/// record stays valid across restarts, like a real meter's.
/// </summary>
public sealed class OcmfMeterSigner : MeterSigner, IDisposable
{
    /// <summary>The signature algorithm (SigningMethodEnumStringType, Part 2 appendix).</summary>
    public const string Method = "ECDSA-secp256r1-SHA256";

    /// <summary>The data set format (SignedMeterValueType.encodingMethod).</summary>
    public const string Encoding = "OCMF";

    private readonly ECDsa _key;
    private readonly string _serial;
    private readonly Lock _gate = new();
    private long _page;

    /// <summary>Creates a signer with the given key.</summary>
    /// <param name="key">A P-256 key pair; owned by the signer from now on.</param>
    /// <param name="meterSerial">The meter's serial number (OCMF <c>MS</c>).</param>
    public OcmfMeterSigner(ECDsa key, string meterSerial)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterSerial);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("The simulated meter signs with a P-256 key.", nameof(key));
        }

        _key = key;
        _serial = meterSerial;
        PublicKey = "oca:base16:asn1:" + Convert.ToHexStringLower(key.ExportSubjectPublicKeyInfo());
    }

    /// <inheritdoc />
    public override string SigningMethod => Method;

    /// <inheritdoc />
    public override string EncodingMethod => Encoding;

    /// <inheritdoc />
    public override string PublicKey { get; }

    /// <summary>Creates a signer with a new key that lives as long as the process.</summary>
    /// <param name="meterSerial">The meter's serial number.</param>
    /// <returns>The signer.</returns>
    public static OcmfMeterSigner CreateEphemeral(string meterSerial) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), meterSerial);

    /// <summary>
    /// Creates a signer with the key kept in <paramref name="keyFile"/> (PKCS#8 PEM), generating and saving a new key
    /// when the file does not exist. A file that holds no usable P-256 key is kept aside as <c>.bad</c> and replaced.
    /// </summary>
    /// <param name="keyFile">The key file (created with mode 0600).</param>
    /// <param name="meterSerial">The meter's serial number.</param>
    /// <returns>The signer.</returns>
    public static OcmfMeterSigner LoadOrCreate(string keyFile, string meterSerial)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        if (File.Exists(keyFile))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(keyFile));
                if (key.KeySize == 256)
                {
                    return new OcmfMeterSigner(key, meterSerial);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                // Falls through: a damaged file must not stop the simulated station.
            }

            key.Dispose();
            File.Move(keyFile, keyFile + ".bad", overwrite: true);
        }

        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Save(keyFile, created.ExportPkcs8PrivateKeyPem());
        return new OcmfMeterSigner(created, meterSerial);
    }

    /// <inheritdoc />
    public override SignedMeterData? Sign(MeterReading reading, MeterSigningContext context)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!double.IsFinite(reading.EnergyImportWh))
        {
            return null;
        }

        lock (_gate)
        {
            _page++;
            var payload = Payload(reading, context, _page);
            var signature = _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            var text = new StringBuilder("OCMF|")
                .Append(System.Text.Encoding.UTF8.GetString(payload))
                .Append("|{\"SA\":\"").Append(Method).Append("\",\"SD\":\"").Append(Convert.ToHexString(signature)).Append("\"}")
                .ToString();
            return new SignedMeterData(System.Text.Encoding.UTF8.GetBytes(text), Method, Encoding, PublicKey);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static string Tx(MeterSigningContext context) => context switch
    {
        MeterSigningContext.TransactionBegin => "B",
        MeterSigningContext.TransactionEnd => "E",
        MeterSigningContext.TransactionUpdate => "C",
        _ => "T",
    };

    private byte[] Payload(MeterReading reading, MeterSigningContext context, long page)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the payload is signed as written, and OCMF readers expect "+0000", not "\u002B0000". It is
        // never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("FV", "1.0");
            json.WriteString("GI", "ChargerController");
            json.WriteString("PG", "T" + page.ToString(CultureInfo.InvariantCulture));
            json.WriteString("MV", "ChargerController");
            json.WriteString("MM", "SimulatedMeter");
            json.WriteString("MS", _serial);
            json.WriteBoolean("IS", false);
            json.WriteString("IT", "NONE");
            json.WriteStartArray("RD");
            json.WriteStartObject();

            // OCMF time format: local time with offset and a sync flag (I = informative: a simulated clock).
            json.WriteString("TM", reading.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss,fff'+0000 I'", CultureInfo.InvariantCulture));
            json.WriteString("TX", Tx(context));

            // Wh with the three decimals OCPP's sampled value carries, so the CSMS can compare the two directly.
            json.WriteNumber("RV", decimal.Round((decimal)reading.EnergyImportWh, 3));
            json.WriteString("RI", "1-b:1.8.0");
            json.WriteString("RU", "Wh");
            json.WriteString("RT", "AC");
            json.WriteString("ST", "G");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Save(string keyFile, string pem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        Directory.CreateDirectory(directory);
        var temporary = keyFile + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The private key: readable by the service user only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
        }

        File.Move(temporary, keyFile, overwrite: true);
    }
}
