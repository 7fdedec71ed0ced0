using System.Text.Json;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Serialization;

/// <summary>A golden OCPP-J frame file: <c>GoldenFrames/&lt;Action&gt;/&lt;name&gt;.json</c> holding <c>[2|3|6, id, (action,) payload]</c>.</summary>
internal sealed class GoldenFrame : IDisposable
{
    private readonly JsonDocument _document;

    private GoldenFrame(string relativePath, JsonDocument document)
    {
        RelativePath = relativePath;
        _document = document;
        var frame = document.RootElement;
        var type = frame[0].GetInt32();
        Folder = relativePath.Split('/')[0];
        (Kind, Action, Payload) = type switch
        {
            2 => (PayloadKind.Request, frame[2].GetString()!, frame[3]),
            3 => (PayloadKind.Response, Folder, frame[2]),
            6 => (PayloadKind.Send, frame[2].GetString()!, frame[3]),
            _ => throw new InvalidDataException($"{relativePath}: message type {type} carries no payload."),
        };
    }

    public string RelativePath { get; }

    public string Folder { get; }

    public string Action { get; }

    public PayloadKind Kind { get; }

    public JsonElement Payload { get; }

    public static IEnumerable<string> AllRelativePaths(string root) =>
        Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static GoldenFrame Load(string root, string relativePath) =>
        new(relativePath, JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, relativePath))));

    public void Dispose() => _document.Dispose();
}
