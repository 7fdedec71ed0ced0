using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChargerController.Cli.Commands.SupportBundle;

/// <summary>
/// Replaces secret values in a configuration file before it leaves the station: any property whose name says
/// password, secret, token, private key or credential is replaced by <see cref="Marker"/>, at any depth. Names, not
/// values, decide, so a secret typed in the wrong key (e.g. inside a URL's user info) is also caught by the URL rule.
/// </summary>
public static partial class ConfigRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Marker = "***REDACTED***";

    /// <summary>Redacts a JSON configuration; text that is not JSON is replaced entirely (it cannot be checked).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return $"{Marker} (not valid JSON, withheld)";
        }

        Walk(root);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            if (root is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                root.WriteTo(writer);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretName().IsMatch(name) && obj[name] is JsonValue)
                    {
                        obj[name] = Marker;
                    }
                    else if (obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && UserInfo().IsMatch(text))
                    {
                        obj[name] = UserInfo().Replace(text, "://" + Marker + "@");
                    }
                    else
                    {
                        Walk(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
        }
    }

    [GeneratedRegex("password|passwd|secret|token|privatekey|private_key|credential|apikey|api_key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex("://[^/@\\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
