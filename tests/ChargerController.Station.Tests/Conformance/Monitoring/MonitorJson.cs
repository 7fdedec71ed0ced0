using System.Globalization;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>setMonitoringData items for the tests.</summary>
internal static class MonitorJson
{
    public static string Item(string type, decimal value, int severity, string component, string variable, int? evse = null, int? id = null, string extra = "")
    {
        var evsePart = evse is { } e ? $$""","evse":{"id":{{e}}}""" : string.Empty;
        var idPart = id is { } i ? "\"id\":" + i.ToString(CultureInfo.InvariantCulture) + "," : string.Empty;
        return $$"""{{{idPart}}"value":{{value.ToString(CultureInfo.InvariantCulture)}},"type":"{{type}}","severity":{{severity}},"component":{"name":"{{component}}"{{evsePart}}},"variable":{"name":"{{variable}}"}{{extra}}}""";
    }

    public static string Power(string type, decimal value, int severity = 4, int? id = null, string extra = "") =>
        Item(type, value, severity, "EVSE", "Power", evse: 1, id: id, extra: extra);

    public static string Heartbeat(string type, decimal value, int severity = 5, int? id = null) =>
        Item(type, value, severity, "OCPPCommCtrlr", "HeartbeatInterval", id: id);
}
