using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Validation;

public sealed class SchemaPayloadValidatorTests
{
    private readonly SchemaPayloadValidator _validator = new();

    [Fact]
    public void EverySchema_ExampleAndEverySingleMutation_GetTheErrorCodeAndPathPart4Prescribes()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (version, root, file) in SchemaCases.All())
        {
            var example = PayloadFactory.Example(root.Schema);
            var mutations = PayloadMutator.All(example, root.Schema);
            mutations.Insert(0, new PayloadMutation(example, null, string.Empty, "example", "example", []));
            foreach (var m in mutations)
            {
                using var doc = JsonDocument.Parse(m.Payload.ToJsonString());
                var violation = _validator.Validate(version, root.Action, root.Kind, doc.RootElement);
                checkedCount++;
                if (violation?.ErrorCode != m.ExpectedCode || (violation is not null && violation.Path != m.ExpectedPath))
                {
                    failures.Add($"{version} {file}: {m.What}: expected {m.ExpectedCode?.ToString() ?? "valid"} {m.ExpectedPath}, got {violation}");
                }
            }
        }

        Assert.True(checkedCount > 10_000, $"only {checkedCount} payloads generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} wrong:\n" + string.Join('\n', failures.Take(30)));
    }

    [Theory]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}""", null, "")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"M"}}""", RpcErrorCode.OccurrenceConstraintViolation, "/chargingStation/vendorName")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":12,"vendorName":"V"}}""", RpcErrorCode.TypeConstraintViolation, "/chargingStation/model")]
    [InlineData("""{"reason":"Boot","chargingStation":{"model":"M","vendorName":"V"}}""", RpcErrorCode.PropertyConstraintViolation, "/reason")]
    [InlineData("""{"reason":"powerup","chargingStation":{"model":"M","vendorName":"V"}}""", RpcErrorCode.PropertyConstraintViolation, "/reason")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"123456789012345678901","vendorName":"V"}}""", RpcErrorCode.PropertyConstraintViolation, "/chargingStation/model")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V","colour":"red"}}""", RpcErrorCode.FormatViolation, "/chargingStation/colour")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"},"customData":{"vendorId":"x","anything":[1,2]}}""", null, "")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"},"customData":{"anything":1}}""", RpcErrorCode.OccurrenceConstraintViolation, "/customData/vendorId")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9","vendorName":"V"}}""", null, "")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"mod\u0065l":"M","vendorName":"V"}}""", null, "")]
    public void BootNotificationRequest_Payload_ReportsFirstViolation(string json, RpcErrorCode? code, string path)
    {
        using var doc = JsonDocument.Parse(json);
        var violation = _validator.Validate(OcppVersion.V21, "BootNotification", PayloadKind.Request, doc.RootElement);
        Assert.Equal(code, violation?.ErrorCode);
        Assert.Equal(path, violation?.Path ?? string.Empty);
    }

    [Fact]
    public void MaxLength_CountsCodePointsNotUtf8Bytes()
    {
        // 20 two-byte characters fit model's maxLength 20; the 21st does not.
        var twenty = new string('é', 20);
        Assert.Null(Validate("{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + twenty + "\",\"vendorName\":\"V\"}}"));
        Assert.Equal(RpcErrorCode.PropertyConstraintViolation, Validate("{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + twenty + "é\",\"vendorName\":\"V\"}}")?.ErrorCode);
    }

    [Theory]
    [InlineData("2025-01-15T10:30:00Z", true)]
    [InlineData("2025-01-15t10:30:00.1234567z", true)]
    [InlineData("2025-01-15T10:30:00-05:30", true)]
    [InlineData("2024-02-29T23:59:59.999+14:00", true)]
    [InlineData("2025-01-15", false)]
    [InlineData("2025-01-15T10:30:00", false)]
    [InlineData("2025-01-15 10:30:00Z", false)]
    [InlineData("2025-02-29T10:30:00Z", false)]
    [InlineData("2025-01-15T24:00:00Z", false)]
    [InlineData("2025-01-15T10:30:00.Z", false)]
    [InlineData("2025-01-15T10:30:00+0100", false)]
    public void Timestamp_Rfc3339DateTime_AcceptedOrTypeConstraintViolation(string timestamp, bool valid)
    {
        using var doc = JsonDocument.Parse($$"""{"timestamp":"{{timestamp}}","connectorStatus":"Available","evseId":1,"connectorId":1}""");
        var violation = _validator.Validate(OcppVersion.V21, "StatusNotification", PayloadKind.Request, doc.RootElement);
        Assert.Equal(valid ? null : RpcErrorCode.TypeConstraintViolation, violation?.ErrorCode);
    }

    [Fact]
    public void IntegerBeyond32Bits_IsTypeConstraintViolation()
    {
        using var doc = JsonDocument.Parse("""{"timestamp":"2025-01-15T10:30:00Z","connectorStatus":"Available","evseId":2147483648,"connectorId":1}""");
        var violation = _validator.Validate(OcppVersion.V21, "StatusNotification", PayloadKind.Request, doc.RootElement);
        Assert.Equal(new PayloadViolation(RpcErrorCode.TypeConstraintViolation, "/evseId", violation!.Description), violation);
    }

    [Fact]
    public void UnknownPropertyName_IsEscapedAsJsonPointerToken()
    {
        using var doc = JsonDocument.Parse("{\"a/b~c\\n\":1}");
        var violation = _validator.Validate(OcppVersion.V21, "Heartbeat", PayloadKind.Request, doc.RootElement);
        Assert.Equal(new PayloadViolation(RpcErrorCode.FormatViolation, "/a~1b~0c?", violation!.Description), violation);
    }

    [Fact]
    public void PayloadNotAnObject_IsProtocolError()
    {
        using var doc = JsonDocument.Parse("[]");
        Assert.Equal(RpcErrorCode.ProtocolError, _validator.Validate(OcppVersion.V21, "Heartbeat", PayloadKind.Request, doc.RootElement)?.ErrorCode);
    }

    [Fact]
    public void UnknownAction_IsNotImplemented_AndTwoOneOnlyActionIsUnknownIn201()
    {
        using var doc = JsonDocument.Parse("{}");
        Assert.Equal(RpcErrorCode.NotImplemented, _validator.Validate(OcppVersion.V21, "Teleport", PayloadKind.Request, doc.RootElement)?.ErrorCode);
        Assert.Equal(RpcErrorCode.NotImplemented, _validator.Validate(OcppVersion.V201, "ClearTariffs", PayloadKind.Request, doc.RootElement)?.ErrorCode);
        Assert.Null(_validator.Validate(OcppVersion.V21, "ClearTariffs", PayloadKind.Request, doc.RootElement));
    }

    [Fact]
    public void SendAction_HasNoRequestSchema_IsProtocolError()
    {
        using var doc = JsonDocument.Parse("{}");
        Assert.Equal(RpcErrorCode.ProtocolError, _validator.Validate(OcppVersion.V21, "NotifyPeriodicEventStream", PayloadKind.Request, doc.RootElement)?.ErrorCode);
    }

    [Fact]
    public void Version201_UsesTheTwoZeroOneSchema()
    {
        // idToken.type is a free string (maxLength 20) in 2.1 but IdTokenEnumType in 2.0.1.
        using var doc = JsonDocument.Parse("""{"idToken":{"idToken":"04A1B2C3","type":"VIN"}}""");
        Assert.Null(_validator.Validate(OcppVersion.V21, "Authorize", PayloadKind.Request, doc.RootElement));
        var violation = _validator.Validate(OcppVersion.V201, "Authorize", PayloadKind.Request, doc.RootElement);
        Assert.Equal(RpcErrorCode.PropertyConstraintViolation, violation?.ErrorCode);
        Assert.Equal("/idToken/type", violation?.Path);
    }

    [Fact]
    public void Description_NeverEchoesPeerValues_AndStaysWithin255Characters()
    {
        var secret = new string('s', 300);
        using var doc = JsonDocument.Parse("{\"idToken\":{\"idToken\":\"" + secret + "\",\"type\":\"ISO14443\"}}");
        var violation = _validator.Validate(OcppVersion.V21, "Authorize", PayloadKind.Request, doc.RootElement)!;
        Assert.DoesNotContain("sss", violation.Description, StringComparison.Ordinal);
        Assert.True(violation.Description.Length <= 255);
        Assert.True(Encoding.UTF8.GetByteCount(violation.Path) <= 200);
    }

    private PayloadViolation? Validate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return _validator.Validate(OcppVersion.V21, "BootNotification", PayloadKind.Request, doc.RootElement);
    }
}
