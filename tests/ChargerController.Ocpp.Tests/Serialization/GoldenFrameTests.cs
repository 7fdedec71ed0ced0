using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Tests.Generator;
using ChargerController.Ocpp.Tests.Validation;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Serialization;

/// <summary>
/// House rule 12: every golden frame deserializes into its generated type, validates against the 2.1 schema and
/// serializes back to exactly the same JSON (compared minified; member order is the schema's, which is also the
/// order the generated properties are declared in). Hand-written frames cover the key messages; a deterministic
/// <c>generated.*.json</c> example per payload of every action comes from <see cref="PayloadFactory"/>.
/// Set OCPP_UPDATE_GOLDEN=1 to (re)write the generated examples after a schema change.
/// </summary>
public sealed class GoldenFrameTests
{
    private const string GeneratedPrefix = "generated.";

    public static TheoryData<string> Frames() => [.. GoldenFrame.AllRelativePaths(RepositoryPaths.GoldenFrames)];

    [Theory]
    [MemberData(nameof(Frames))]
    public void GoldenFrame_DeserializeValidateSerialize_ReproducesTheSameJson(string relativePath)
    {
        using var frame = GoldenFrame.Load(RepositoryPaths.GoldenFrames, relativePath);
        Assert.Equal(frame.Folder, frame.Action);
        Assert.True(ActionCatalog.TryGet(frame.Action, out var action), $"unknown action {frame.Action}");

        var violation = new SchemaPayloadValidator().Validate(OcppVersion.V21, frame.Action, frame.Kind, frame.Payload);
        Assert.Null(violation);

        var typeInfo = frame.Kind == PayloadKind.Response ? action.ResponseTypeInfo! : action.RequestTypeInfo;
        var typed = frame.Payload.Deserialize(typeInfo);
        Assert.NotNull(typed);
        Assert.IsType(typeInfo.Type, typed);
        var written = JsonSerializer.SerializeToUtf8Bytes(typed, typeInfo);

        Assert.Equal(Minified(frame.Payload), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void EveryActionPayload_HasItsGeneratedExampleFrame_UpToDate()
    {
        var update = Environment.GetEnvironmentVariable("OCPP_UPDATE_GOLDEN") == "1";
        var stale = new List<string>();
        foreach (var root in OcppSchemaModels.V21.Roots)
        {
            var (type, suffix) = root.Kind switch
            {
                PayloadKind.Request => (2, "request"),
                PayloadKind.Response => (3, "response"),
                _ => (6, "send"),
            };
            var payload = PayloadFactory.Example(root.Schema);
            var id = $"golden-{root.Action}";
            JsonArray frame = type == 3 ? [type, id, payload] : [type, id, root.Action, payload];
            var text = frame.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
            var path = Path.Combine(RepositoryPaths.GoldenFrames, root.Action, $"{GeneratedPrefix}{suffix}.json");
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                continue;
            }

            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            else
            {
                stale.Add(Path.GetRelativePath(RepositoryPaths.Root, path));
            }
        }

        Assert.True(stale.Count == 0, "Generated golden frames missing or stale (rerun with OCPP_UPDATE_GOLDEN=1): " + string.Join(", ", stale.Take(10)));
    }

    [Fact]
    public void KeyMessages_HaveHandWrittenGoldenFrames()
    {
        string[] keyActions = ["BootNotification", "Heartbeat", "StatusNotification", "TransactionEvent", "Authorize", "MeterValues", "NotifyReport", "GetVariables", "SetVariables", "SetChargingProfile"];
        foreach (var action in keyActions)
        {
            var handWritten = Directory.GetFiles(Path.Combine(RepositoryPaths.GoldenFrames, action), "*.json")
                .Where(f => !Path.GetFileName(f).StartsWith(GeneratedPrefix, StringComparison.Ordinal));
            Assert.NotEmpty(handWritten);
        }
    }

    private static string Minified(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
