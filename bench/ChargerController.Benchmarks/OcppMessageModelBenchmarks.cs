using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using ChargerController.Ocpp;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Benchmarks;

/// <summary>
/// OCPP message model: what one inbound/outbound payload costs end to end — parse the UTF-8 payload, validate it
/// against the generated 2.1 constraint model, deserialize into the generated type, serialize it back.
/// Target (issue "OCPP 2.1 protocol library"): TransactionEvent round trip ≤ 10 µs and ≤ 8 KB allocated.
/// Run: dotnet run -c Release --project bench/ChargerController.Benchmarks -- --filter *OcppMessageModel* --job short
/// </summary>
[MemoryDiagnoser]
public class OcppMessageModelBenchmarks
{
    private const string TransactionEventJson = """
        {"eventType":"Updated","meterValue":[{"sampledValue":[
        {"value":15234.25,"measurand":"Energy.Active.Import.Register","context":"Sample.Periodic","location":"Outlet","unitOfMeasure":{"unit":"Wh"}},
        {"value":11040,"measurand":"Power.Active.Import","context":"Sample.Periodic","location":"Outlet","unitOfMeasure":{"unit":"W"}},
        {"value":16.02,"measurand":"Current.Import","context":"Sample.Periodic","phase":"L1","location":"Outlet","unitOfMeasure":{"unit":"A"}},
        {"value":15.98,"measurand":"Current.Import","context":"Sample.Periodic","phase":"L2","location":"Outlet","unitOfMeasure":{"unit":"A"}},
        {"value":16.05,"measurand":"Current.Import","context":"Sample.Periodic","phase":"L3","location":"Outlet","unitOfMeasure":{"unit":"A"}},
        {"value":230.4,"measurand":"Voltage","context":"Sample.Periodic","phase":"L1-N","location":"Outlet","unitOfMeasure":{"unit":"V"}},
        {"value":229.8,"measurand":"Voltage","context":"Sample.Periodic","phase":"L2-N","location":"Outlet","unitOfMeasure":{"unit":"V"}},
        {"value":231.1,"measurand":"Voltage","context":"Sample.Periodic","phase":"L3-N","location":"Outlet","unitOfMeasure":{"unit":"V"}},
        {"value":16,"measurand":"Current.Offered","context":"Sample.Periodic","location":"Outlet","unitOfMeasure":{"unit":"A"}},
        {"value":49.98,"measurand":"Frequency","context":"Sample.Periodic","location":"Outlet"}],
        "timestamp":"2025-01-15T10:45:00Z"}],
        "timestamp":"2025-01-15T10:45:00Z","triggerReason":"MeterValuePeriodic","seqNo":3,"numberOfPhasesUsed":3,
        "transactionInfo":{"transactionId":"TX-20250115-0001","chargingState":"Charging","timeSpentCharging":288},
        "evse":{"id":1,"connectorId":1}}
        """;

    private const string BootNotificationJson = """
        {"chargingStation":{"serialNumber":"CC-2025-000042","model":"ChargerController-1","modem":{"iccid":"8931440400012345678","imsi":"204080123456789"},"vendorName":"ChargerController","firmwareVersion":"1.0.0"},"reason":"PowerUp"}
        """;

    private readonly SchemaPayloadValidator _validator = new();
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private byte[] _transactionEvent = [];
    private byte[] _notifyReport = [];
    private byte[] _bootNotification = [];
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _transactionEvent = Encoding.UTF8.GetBytes(TransactionEventJson);
        _bootNotification = Encoding.UTF8.GetBytes(BootNotificationJson);
        _notifyReport = Encoding.UTF8.GetBytes(NotifyReportWith100Variables());
        _writer = new Utf8JsonWriter(_output);

        // Fail fast if a payload is not what the benchmark claims to measure.
        foreach (var (payload, action) in new[] { (_transactionEvent, "TransactionEvent"), (_notifyReport, "NotifyReport"), (_bootNotification, "BootNotification") })
        {
            using var doc = JsonDocument.Parse(payload);
            var violation = _validator.Validate(OcppVersion.V21, action, PayloadKind.Request, doc.RootElement);
            if (violation is not null)
            {
                throw new InvalidOperationException($"{action}: {violation}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Description = "TransactionEventRequest (10 sampled values) parse+validate+deserialize+serialize")]
    public int TransactionEventRequest_RoundTrip() => RoundTrip(_transactionEvent, "TransactionEvent", OcppJsonContext.Default.TransactionEventRequest);

    [Benchmark(Description = "NotifyReportRequest (100 variables) parse+validate+deserialize+serialize")]
    public int NotifyReportRequest_RoundTrip() => RoundTrip(_notifyReport, "NotifyReport", OcppJsonContext.Default.NotifyReportRequest);

    [Benchmark(Description = "BootNotificationRequest parse+validate+deserialize+serialize")]
    public int BootNotificationRequest_RoundTrip() => RoundTrip(_bootNotification, "BootNotification", OcppJsonContext.Default.BootNotificationRequest);

    [Benchmark(Description = "TransactionEventRequest (10 sampled values) validate only")]
    public bool TransactionEventRequest_ValidateOnly()
    {
        using var doc = JsonDocument.Parse(_transactionEvent);
        return _validator.Validate(OcppVersion.V21, "TransactionEvent", PayloadKind.Request, doc.RootElement) is null;
    }

    [Benchmark(Description = "TransactionEventRequest parse only (JsonDocument)")]
    public int TransactionEventRequest_ParseOnly()
    {
        using var doc = JsonDocument.Parse(_transactionEvent);
        return doc.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }

    [Benchmark(Description = "TransactionEventRequest deserialize only (from UTF-8)")]
    public object TransactionEventRequest_DeserializeOnly() =>
        JsonSerializer.Deserialize(_transactionEvent, OcppJsonContext.Default.TransactionEventRequest)!;

    private int RoundTrip<T>(byte[] payload, string action, JsonTypeInfo<T> typeInfo)
    {
        using var doc = JsonDocument.Parse(payload);
        if (_validator.Validate(OcppVersion.V21, action, PayloadKind.Request, doc.RootElement) is { } violation)
        {
            throw new InvalidOperationException(violation.ToString());
        }

        var message = doc.RootElement.Deserialize(typeInfo)!;
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        JsonSerializer.Serialize(_writer, message, typeInfo);
        return _output.WrittenCount;
    }

    private static string NotifyReportWith100Variables()
    {
        var sb = new StringBuilder("""{"requestId":17,"generatedAt":"2025-01-15T10:31:05Z","reportData":[""");
        for (var i = 0; i < 100; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append($$"""{"component":{"evse":{"id":{{(i % 2) + 1}}},"name":"Controller{{i % 10}}"},"variable":{"name":"Variable{{i}}"},""");
            sb.Append($$"""
                "variableAttribute":[{"type":"Actual","value":"{{i * 10}}","mutability":"ReadWrite","persistent":true}],
                """);
            sb.Append("""
                "variableCharacteristics":{"unit":"s","dataType":"integer","minLimit":0,"maxLimit":86400,"supportsMonitoring":false}}
                """);
        }

        sb.Append("""],"tbc":false,"seqNo":0}""");
        return sb.ToString();
    }
}
