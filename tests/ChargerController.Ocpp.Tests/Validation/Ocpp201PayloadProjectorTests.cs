using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Tests.Generator;
using ChargerController.Ocpp.Validation;
using NJsonSchema;

namespace ChargerController.Ocpp.Tests.Validation;

public sealed class Ocpp201PayloadProjectorTests
{
    private readonly SchemaPayloadValidator _validator = new();

    [Fact]
    public void TransactionEvent_TwoOneOnlyFields_AreDroppedAndReported_ResultValidFor201()
    {
        const string json = """
            {"eventType":"Updated","timestamp":"2025-01-15T10:45:00Z","triggerReason":"MeterValuePeriodic","seqNo":3,
             "preconditioningStatus":"Ready","evseSleep":false,
             "transactionInfo":{"transactionId":"TX-1","chargingState":"Charging","operationMode":"ChargingOnly","tariffId":"T1"},
             "meterValue":[{"timestamp":"2025-01-15T10:45:00Z","sampledValue":[
                {"value":80,"measurand":"Display.PresentSOC"},
                {"value":1000,"measurand":"Energy.Active.Import.Register"}]}]}
            """;
        var projection = Project("TransactionEvent", json);

        Assert.True(projection.CanSend, projection.Violation?.ToString());
        Assert.Equal(
            ["/preconditioningStatus", "/evseSleep", "/transactionInfo/operationMode", "/transactionInfo/tariffId", "/meterValue/0/sampledValue/0/measurand"],
            projection.RemovedPaths);
        using var projected = JsonDocument.Parse(projection.Utf8Json!);
        Assert.Null(_validator.Validate(OcppVersion.V201, "TransactionEvent", PayloadKind.Request, projected.RootElement));
        Assert.Equal(1000, projected.RootElement.GetProperty("meterValue")[0].GetProperty("sampledValue")[1].GetProperty("value").GetInt32());
    }

    [Fact]
    public void RequiredFieldWithTwoOneOnlyEnumValue_CannotBeSent()
    {
        var projection = Project("TransactionEvent", """{"eventType":"Updated","timestamp":"2025-01-15T10:45:00Z","triggerReason":"TariffChanged","seqNo":3,"transactionInfo":{"transactionId":"TX-1"}}""");

        Assert.False(projection.CanSend);
        Assert.Null(projection.Utf8Json);
        Assert.Equal(new PayloadViolation(RpcErrorCode.PropertyConstraintViolation, "/triggerReason", projection.Violation!.Description), projection.Violation);
    }

    [Fact]
    public void StringLongerThanThe201Limit_CannotBeSent()
    {
        var token = new string('A', 40); // idToken maxLength 255 in 2.1, 36 in 2.0.1
        var projection = Project("Authorize", "{\"idToken\":{\"idToken\":\"" + token + "\",\"type\":\"ISO14443\"}}");
        Assert.Equal(RpcErrorCode.PropertyConstraintViolation, projection.Violation?.ErrorCode);
        Assert.Equal("/idToken/idToken", projection.Violation?.Path);
    }

    [Fact]
    public void TwoOneOnlyAction_IsNotSupportedOn201()
    {
        var projection = Project("ClearTariffs", "{}");
        Assert.Equal(RpcErrorCode.NotSupported, projection.Violation?.ErrorCode);
        Assert.False(ActionCatalog.IsKnown("ClearTariffs", OcppVersion.V201));
        Assert.True(ActionCatalog.IsKnown("ClearTariffs", OcppVersion.V21));
    }

    [Fact]
    public void PayloadAlreadyValidFor201_IsSentUnchanged()
    {
        const string json = """{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}""";
        var projection = Project("BootNotification", json);
        Assert.True(projection.CanSend);
        Assert.Empty(projection.RemovedPaths);
        Assert.Equal(json, Encoding.UTF8.GetString(projection.Utf8Json!));
    }

    [Fact]
    public void NotifyMonitoringReport_EventNotificationType_RequiredIn21_IsDroppedFor201()
    {
        const string json = """
            {"requestId":1,"seqNo":0,"generatedAt":"2025-01-15T10:45:00Z","monitor":[{"component":{"name":"EVSE"},"variable":{"name":"Power"},
             "variableMonitoring":[{"id":1,"transaction":false,"value":11000,"type":"UpperThreshold","severity":5,"eventNotificationType":"CustomMonitor"}]}]}
            """;
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Null(_validator.Validate(OcppVersion.V21, "NotifyMonitoringReport", PayloadKind.Request, doc.RootElement));
        }

        var projection = Project("NotifyMonitoringReport", json);
        Assert.True(projection.CanSend, projection.Violation?.ToString());
        Assert.Equal(["/monitor/0/variableMonitoring/0/eventNotificationType"], projection.RemovedPaths);
    }

    [Fact]
    public async Task EveryGeneratedExampleOfA201Action_ProjectedPayloadIsAcceptedByTheOfficial201Schema()
    {
        var sendable = 0;
        foreach (var root in OcppSchemaModels.V21.Roots.Where(r => ActionCatalog.IsKnown(r.Action, OcppVersion.V201)))
        {
            var example = PayloadFactory.Example(root.Schema).ToJsonString();
            using var doc = JsonDocument.Parse(example);
            var projection = Ocpp201PayloadProjector.Project(root.Action, root.Kind, doc.RootElement);
            if (!projection.CanSend)
            {
                continue; // e.g. an example idToken.type that is no IdTokenEnumType value: reported, not sent.
            }

            sendable++;
            var file = SchemaCases.FileName(root);
            var official = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Schemas201, file + ".json"));
            var errors = official.Validate(Encoding.UTF8.GetString(projection.Utf8Json!));
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
        }

        Assert.True(sendable > 60, $"only {sendable} examples projected to a sendable 2.0.1 payload");
    }

    private static PayloadProjection Project(string action, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Ocpp201PayloadProjector.Project(action, PayloadKind.Request, doc.RootElement);
    }
}
