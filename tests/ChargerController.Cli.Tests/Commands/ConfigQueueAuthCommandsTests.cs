using System.Text.Json;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Tests.Commands;

/// <summary>config, queue and auth against a fake chargerd: the requests chargerctl sends, its output and its exit codes.</summary>
public sealed class ConfigQueueAuthCommandsTests
{
    private static readonly ConfigVariable Heartbeat = new("OCPPCommCtrlr/HeartbeatInterval", "300", "integer", "ReadWrite", "s", "1..", false);

    [Fact]
    public async Task ConfigGet_SendsKey_PrintsValueWithDetails()
    {
        await using var chargerd = new FakeChargerd(_ => Answer(Heartbeat, ControlJsonContext.Default.ConfigVariable));

        var (code, output, _) = await Ctl.RunAsync(["config", "get", "OCPPCommCtrlr/HeartbeatInterval", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Equal("OCPPCommCtrlr/HeartbeatInterval = 300  [ReadWrite, integer, s, allowed 1..]", output.TrimEnd());
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal(ControlCommands.ConfigGet, request.Command);
        Assert.Equal("OCPPCommCtrlr/HeartbeatInterval", request.Arg(ControlArgs.Key));
    }

    [Fact]
    public async Task ConfigList_Table_AlignsKeys_AndMarksWriteOnly()
    {
        var list = new ConfigList([Heartbeat, new ConfigVariable("SecurityCtrlr/BasicAuthPassword", null, "string", "WriteOnly", null, null, true)]);
        await using var chargerd = new FakeChargerd(_ => Answer(list, ControlJsonContext.Default.ConfigList));

        var (code, output, _) = await Ctl.RunAsync(["config", "list", "Ctrlr", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Contains("SecurityCtrlr/BasicAuthPassword  (write-only)  [WriteOnly, string, restart needed]", output, StringComparison.Ordinal);
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal("Ctrlr", request.Arg(ControlArgs.Key));
    }

    [Fact]
    public async Task ConfigSet_Json_PrintsResultObject()
    {
        await using var chargerd = new FakeChargerd(r => Answer(new ConfigSetResult(r.Arg(ControlArgs.Key)!, "Accepted", "ok"), ControlJsonContext.Default.ConfigSetResult));

        var (code, output, _) = await Ctl.RunAsync(["config", "set", "OCPPCommCtrlr/HeartbeatInterval", "120", "--json", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Equal("Accepted", JsonDocument.Parse(output).RootElement.GetProperty("status").GetString());
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal("120", request.Arg(ControlArgs.Value));
    }

    [Theory]
    [InlineData(ControlErrorCodes.NotFound, 11)]
    [InlineData(ControlErrorCodes.NotAvailable, 10)]
    [InlineData(ControlErrorCodes.InvalidArgument, 1)]
    [InlineData(ControlErrorCodes.Refused, 8)]
    public async Task ErrorCodes_MapToDocumentedExitCodes(string error, int exit)
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Fail(error, "because"));

        var (code, _, stderr) = await Ctl.RunAsync(["auth", "remove", "04A1B2C3", "--socket", chargerd.SocketPath]);

        Assert.Equal(exit, code);
        Assert.Contains("because", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthAdd_SendsTokenTypeStatusExpiry()
    {
        await using var chargerd = new FakeChargerd(_ => FakeChargerd.Done("added"));

        var (code, output, _) = await Ctl.RunAsync(["auth", "add", "04A1B2C3", "--status", "Blocked", "--expires", "2026-12-31T23:59:59Z", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Equal("added", output.Trim());
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal(ControlCommands.AuthAdd, request.Command);
        Assert.Equal("04A1B2C3", request.Arg(ControlArgs.IdToken));
        Assert.Equal("ISO14443", request.Arg(ControlArgs.TokenType));
        Assert.Equal("Blocked", request.Arg(ControlArgs.Status));
        Assert.Equal("2026-12-31T23:59:59Z", request.Arg(ControlArgs.Expires));
    }

    [Fact]
    public async Task AuthList_Table_ShowsVersionAndEntries()
    {
        var list = new AuthList(3, [new AuthListEntry("04A1B2C3", "ISO14443", "Accepted", null)]);
        await using var chargerd = new FakeChargerd(_ => Answer(list, ControlJsonContext.Default.AuthList));

        var (code, output, _) = await Ctl.RunAsync(["auth", "list", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Contains("version 3, 1 entry", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^04A1B2C3\s+ISO14443\s+Accepted\s+-", output);
    }

    [Fact]
    public async Task QueueList_SendsLimit_PrintsRowsAndTotal()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var list = new QueueList(7, [new QueueEntry(12, "m-1", "TransactionEvent", "TransactionEnded", "tx-9", true, 2, at, at, 321)]);
        await using var chargerd = new FakeChargerd(_ => Answer(list, ControlJsonContext.Default.QueueList));

        var (code, output, _) = await Ctl.RunAsync(["queue", "list", "-n", "1", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^12\s+TransactionEvent\s+TransactionEnded\s+2\s+2026-01-02 03:04:05Z\s+tx-9", output);
        Assert.Contains("1 of 7 queued message(s) shown", output, StringComparison.Ordinal);
        Assert.True(chargerd.Requests.TryDequeue(out var request));
        Assert.Equal("1", request.Arg(ControlArgs.Limit));
    }

    [Fact]
    public async Task QueueStats_Json_IsChargerdsObject()
    {
        var stats = new QueueStats(2, 1, 900, 1_000_000, null, 0, 0, 3, 0);
        await using var chargerd = new FakeChargerd(_ => Answer(stats, ControlJsonContext.Default.QueueStats));

        var (code, output, _) = await Ctl.RunAsync(["queue", "stats", "--json", "--socket", chargerd.SocketPath]);

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        Assert.Equal(3, json.GetProperty("droppedNotQueuedOffline").GetInt64());
    }

    private static ControlResponse Answer<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(true, JsonSerializer.SerializeToElement(value, type));
}
