using System.Text.Json;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.SmartCharging.Randomization;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>The station runtime with the smart-charging module over the real WebSocket harness, in virtual time.</summary>
internal sealed class SmartChargingStation : IAsyncDisposable
{
    private SmartChargingModule? _module;

    private SmartChargingStation(IChargingProfileStore store, SmartChargingOptions options)
    {
        Store = store;
        Options = options;
    }

    public StationHarness H { get; private set; } = null!;

    public SmartChargingModule Module => _module ?? throw new InvalidOperationException("not attached");

    public IChargingProfileStore Store { get; }

    public SmartChargingOptions Options { get; }

    public static SmartChargingOptions DefaultOptions { get; } = new()
    {
        Evses =
        [
            new SmartChargingEvseOptions { EvseId = 1, MaxCurrentA = 32, SupplyPhases = 3 },
            new SmartChargingEvseOptions { EvseId = 2, MaxCurrentA = 32, SupplyPhases = 3, SupportsPhaseSwitching = true },
        ],
    };

    public static async Task<SmartChargingStation> StartAsync(IChargingProfileStore? store = null, SmartChargingOptions? options = null, IRandomDelaySource? randomDelays = null, Func<string, TimeZoneInfo?>? resolveTimeZone = null, HarnessSetup? setup = null)
    {
        var station = new SmartChargingStation(store ?? new InMemoryChargingProfileStore(), options ?? DefaultOptions);
        station.H = await StationHarness.StartAsync(modules: h =>
        {
            station._module?.Dispose();
            station._module = new SmartChargingModule(station.Options, station.Store, h.Transactions, h.Time, randomDelays: randomDelays, resolveTimeZone: resolveTimeZone);
            return [station._module];
        }, setup: setup);
        foreach (var action in new[] { "ReportChargingProfiles", "NotifyChargingLimit", "ClearedChargingLimit", "NotifyPriorityCharging" })
        {
            station.H.Csms.Respond(action, "{}");
        }

        await station.H.WaitAcceptedAsync();
        return station;
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload (fails on a CALLERROR).</summary>
    public async Task<JsonElement> CallAsync(string action, string payload)
    {
        var frame = await H.Session.CallAsync(action, payload);
        Assert.Equal(3, frame[0].GetInt32());
        return frame[2];
    }

    public async Task<string> SetAsync(int evseId, string profile) =>
        (await CallAsync("SetChargingProfile", $$"""{"evseId":{{evseId}},"chargingProfile":{{profile}}}""")).GetProperty("status").GetString()!;

    public async Task<JsonElement> SetWithInfoAsync(int evseId, string profile) =>
        await CallAsync("SetChargingProfile", $$"""{"evseId":{{evseId}},"chargingProfile":{{profile}}}""");

    /// <summary>GetChargingProfiles, then collects the ReportChargingProfiles parts with that requestId (until tbc is absent).</summary>
    public async Task<(string Status, IReadOnlyList<JsonElement> Reports)> GetProfilesAsync(int requestId, string criterion, int? evseId = null)
    {
        var evse = evseId is { } id ? $",\"evseId\":{id}" : string.Empty;
        var before = H.Calls("ReportChargingProfiles").Count;
        var status = (await CallAsync("GetChargingProfiles", $$"""{"requestId":{{requestId}}{{evse}},"chargingProfile":{{criterion}}}""")).GetProperty("status").GetString()!;
        if (status != "Accepted")
        {
            return (status, []);
        }

        var reports = new List<JsonElement>();
        for (var n = before + 1; ; n++)
        {
            var report = await H.WaitForCallsAsync("ReportChargingProfiles", n);
            Assert.Equal(requestId, report.GetProperty("requestId").GetInt32());
            reports.Add(report);
            if (!report.TryGetProperty("tbc", out var tbc) || !tbc.GetBoolean())
            {
                return (status, reports);
            }
        }
    }

    public async Task<JsonElement> CompositeAsync(int evseId, int duration, string unit = "A") =>
        await CallAsync("GetCompositeSchedule", $$"""{"evseId":{{evseId}},"duration":{{duration}},"chargingRateUnit":"{{unit}}"}""");

    /// <summary>SetVariables of one variable; returns its attributeStatus.</summary>
    public async Task<string> SetVariableAsync(string component, string variable, string value, string? instance = null)
    {
        var inst = instance is null ? string.Empty : $",\"instance\":\"{instance}\"";
        var answer = await CallAsync("SetVariables", $$"""{"setVariableData":[{"component":{"name":"{{component}}"},"variable":{"name":"{{variable}}"{{inst}}},"attributeValue":"{{value}}"}]}""");
        return answer.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString()!;
    }

    /// <summary>
    /// Advances virtual time, then waits until every EVSE limit holds for the new time (<see cref="LimitsSettledAsync"/>).
    /// Use it wherever a test asserts a limit that the boundary timer sets.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        H.Time.Advance(delta);
        await LimitsSettledAsync();
    }

    /// <summary>
    /// Waits (real-time hang guard 30 s) until every EVSE limit was computed for the current virtual time, i.e. its
    /// ValidUntil lies after now. FakeTimeProvider.Advance runs the due timer callbacks on the calling thread only when
    /// no other thread is inside the provider at that moment; when a runtime thread is (it read the clock, e.g. handling
    /// the Heartbeat that the same Advance released), that thread runs the boundary recompute, and on a loaded machine it
    /// may finish after Advance has returned. The exact limit is asserted after this, never weakened.
    /// </summary>
    public async Task LimitsSettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Module.Limits.Limits.FirstOrDefault(l => l.ValidUntil <= H.Time.GetUtcNow()) is { } stale)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"EVSE {stale.EvseId}: limit valid until {stale.ValidUntil:O}, not recomputed at {H.Time.GetUtcNow():O} within 30 s.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The (startPeriod, limit) pairs of a GetCompositeSchedule answer.</summary>
    public static (int Start, decimal Limit)[] Periods(JsonElement composite) =>
        [.. composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod").EnumerateArray().Select(p => (p.GetProperty("startPeriod").GetInt32(), p.GetProperty("limit").GetDecimal()))];

    public async ValueTask DisposeAsync()
    {
        await H.DisposeAsync();
        _module?.Dispose();
    }
}
