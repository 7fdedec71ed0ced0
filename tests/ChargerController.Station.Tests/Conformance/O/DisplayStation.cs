using System.Globalization;
using System.Text.Json;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Tests.Conformance.O;

/// <summary>
/// The station runtime with the display message block over the loopback CSMS, in virtual time. The block is re-created
/// from the store at every (re)start, as chargerd does at boot.
/// </summary>
public sealed class DisplayStation : IAsyncDisposable
{
    private int _requestId = 100;

    private DisplayStation(StationHarness harness, CurrentDisplayMessage display)
    {
        H = harness;
        Display = display;
    }

    public StationHarness H { get; }

    /// <summary>Gets the sink <c>chargerctl status</c> reads (the display in --simulate).</summary>
    public CurrentDisplayMessage Display { get; }

    public DisplayMessageModule Module => H.Modules.OfType<DisplayMessageModule>().Single();

    /// <summary>Gets the id of the message on the display, or null.</summary>
    public int? ShownId => Display.Current?.Id;

    public static async Task<DisplayStation> StartAsync(Func<IDisplayMessageStore>? store = null, IDeviceModelStore? deviceModel = null, DisplayMessageOptions? options = null, HarnessSetup? setup = null)
    {
        var memory = new InMemoryDisplayMessageStore();
        var display = new CurrentDisplayMessage();
        var harness = await StationHarness.StartAsync(
            store: deviceModel,
            modules: h => [new DisplayMessageModule(
                new DisplayMessageBook(store?.Invoke() ?? memory),
                new ConnectorDisplayStateSource(h.Connectors, h.Transactions),
                [display],
                options)],
            setup: setup);
        harness.Csms.Respond("NotifyDisplayMessages", "{}");
        await harness.WaitAcceptedAsync();
        return new DisplayStation(harness, display);
    }

    /// <summary>A MessageInfoType as JSON.</summary>
    public static string Message(int id, string priority = "NormalCycle", string content = "Hello", string format = "UTF8", string? extra = null) =>
        $$"""{"id":{{id}},"priority":"{{priority}}","message":{"format":"{{format}}","content":"{{content}}"}{{(extra is null ? string.Empty : "," + extra)}}}""";

    /// <summary>An RFC 3339 time relative to the virtual clock.</summary>
    public string At(TimeSpan fromNow) =>
        H.Time.GetUtcNow().Add(fromNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Sends SetDisplayMessageRequest; returns the status.</summary>
    public async Task<string> SetAsync(string messageJson) =>
        (await H.Session.CallAsync("SetDisplayMessage", $$"""{"message":{{messageJson}}}"""))[2].GetProperty("status").GetString()!;

    /// <summary>Sends ClearDisplayMessageRequest; returns the status.</summary>
    public async Task<string> ClearAsync(int id) =>
        (await H.Session.CallAsync("ClearDisplayMessage", $$"""{"id":{{id}}}"""))[2].GetProperty("status").GetString()!;

    /// <summary>
    /// Sends GetDisplayMessagesRequest with the given filter fields (JSON members without braces, may be empty) and, when
    /// Accepted, waits for every NotifyDisplayMessagesRequest of that requestId (until one without tbc).
    /// </summary>
    public async Task<(string Status, IReadOnlyList<JsonElement> Notifies)> GetAsync(string filter = "")
    {
        var requestId = ++_requestId;
        var body = filter.Length == 0 ? $$"""{"requestId":{{requestId}}}""" : $$"""{"requestId":{{requestId}},{{filter}}}""";
        var status = (await H.Session.CallAsync("GetDisplayMessages", body))[2].GetProperty("status").GetString()!;
        if (status != "Accepted")
        {
            return (status, []);
        }

        await H.Session.WaitForFrameAsync(f => f.Action == "NotifyDisplayMessages" && IsLast(f.Json!.Value[3], requestId), TimeSpan.FromSeconds(10));
        return (status, [.. H.Calls("NotifyDisplayMessages").Where(n => n.GetProperty("requestId").GetInt32() == requestId)]);
    }

    /// <summary>The messageInfo entries of all parts.</summary>
    public static IReadOnlyList<JsonElement> Infos(IReadOnlyList<JsonElement> notifies) =>
        [.. notifies.SelectMany(n => n.GetProperty("messageInfo").EnumerateArray())];

    public ValueTask DisposeAsync() => H.DisposeAsync();

    private static bool IsLast(JsonElement notify, int requestId) =>
        notify.GetProperty("requestId").GetInt32() == requestId
        && !(notify.TryGetProperty("tbc", out var tbc) && tbc.ValueKind == JsonValueKind.True);
}
