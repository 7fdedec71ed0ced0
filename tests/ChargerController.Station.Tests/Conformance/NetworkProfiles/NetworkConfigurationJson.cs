using System.Text.Json;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>SetVariables/GetVariables payloads for the 2.1 NetworkConfiguration component (instance = configuration slot).</summary>
internal static class NetworkConfigurationJson
{
    /// <summary>A SetVariables request setting every required variable of one slot.</summary>
    public static string SetSlot(int slot, Uri url, int securityProfile, string? identity = null, string? password = null)
    {
        var items = new List<string>
        {
            Item(slot, "OcppCsmsUrl", url.GetLeftPart(UriPartial.Path)),
            Item(slot, "OcppInterface", "Wired0"),
            Item(slot, "OcppTransport", "JSON"),
            Item(slot, "OcppVersion", "OCPP21"),
            Item(slot, "MessageTimeout", "30"),
            Item(slot, "SecurityProfile", securityProfile.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (identity is not null)
        {
            items.Add(Item(slot, "Identity", identity));
        }

        if (password is not null)
        {
            items.Add(Item(slot, "BasicAuthPassword", password));
        }

        return $$"""{"setVariableData":[{{string.Join(',', items)}}]}""";
    }

    public static string Set(int slot, string variable, string value) => $$"""{"setVariableData":[{{Item(slot, variable, value)}}]}""";

    public static string Get(int slot, string variable) =>
        $$$"""{"getVariableData":[{"component":{"name":"NetworkConfiguration","instance":"{{{slot}}}"},"variable":{"name":"{{{variable}}}"}}]}""";

    public static string Priority(string value) => NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", value);

    /// <summary>The setVariableResult entries of a SetVariables answer.</summary>
    public static IReadOnlyList<JsonElement> Results(JsonElement reply) => [.. reply[2].GetProperty("setVariableResult").EnumerateArray()];

    public static string Status(JsonElement reply) => Results(reply)[0].GetProperty("attributeStatus").GetString()!;

    public static string? ReasonCode(JsonElement reply) =>
        Results(reply)[0].TryGetProperty("attributeStatusInfo", out var info) ? info.GetProperty("reasonCode").GetString() : null;

    public static async Task<string?> ReadAsync(CsmsSession session, int slot, string variable)
    {
        var reply = await session.CallAsync("GetVariables", Get(slot, variable));
        var result = reply[2].GetProperty("getVariableResult")[0];
        return result.GetProperty("attributeStatus").GetString() == "Accepted" ? result.GetProperty("attributeValue").GetString() : null;
    }

    private static string Item(int slot, string variable, string value) =>
        $$"""{"component":{"name":"NetworkConfiguration","instance":"{{slot}}"},"variable":{"name":"{{variable}}"},"attributeValue":{{JsonSerializer.Serialize(value)}}}""";
}
