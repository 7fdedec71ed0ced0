using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Tests.Engine.TestModel;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>An <see cref="OcppConnection"/> on one end of an in-memory pair, a raw scripted peer on the other.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private EngineHarness(OcppVersion version, bool withValidator, bool withCatalog, int maxFrameBytes)
    {
        Pair = new InMemoryTransportPair(maxFrameBytes);
        Handlers = new HandlerRegistry(TestJsonContext.Default.Options);
        Validator = new TestPayloadValidator();
        Options = new OcppConnectionOptions
        {
            MessageTimeout = TimeSpan.FromSeconds(30),
            Validator = withValidator ? Validator : null,
            IsKnownAction = withCatalog ? TestActions.IsKnown : null,
        };
        Connection = new OcppConnection(Pair.Station, Handlers, Options, Time, Log);
        Version = version;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public ListLogger Log { get; } = new();

    public InMemoryTransportPair Pair { get; }

    public HandlerRegistry Handlers { get; }

    public TestPayloadValidator Validator { get; }

    public OcppConnectionOptions Options { get; }

    public OcppConnection Connection { get; }

    public OcppVersion Version { get; }

    public static async Task<EngineHarness> StartAsync(OcppVersion version = OcppVersion.V21, bool withValidator = true, bool withCatalog = true, int maxFrameBytes = 65536)
    {
        var harness = new EngineHarness(version, withValidator, withCatalog, maxFrameBytes);
        await harness.Connection.StartAsync(CancellationToken.None);
        harness.Pair.Connect(version);
        await harness.Connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(Wait);
        var connected = await harness.Pair.Csms.ReceiveAsync(CancellationToken.None);
        Assert.Equal(TransportEventKind.Connected, connected.Kind);
        return harness;
    }

    /// <summary>The next frame the station sent, parsed.</summary>
    public async Task<JsonElement> NextFrameAsync()
    {
        while (true)
        {
            var e = await Pair.Csms.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Wait);
            if (e.Kind == TransportEventKind.Frame)
            {
                return JsonDocument.Parse(e.Data).RootElement.Clone();
            }
        }
    }

    /// <summary>The next frame the station sent, as exact text.</summary>
    public async Task<string> NextFrameTextAsync()
    {
        while (true)
        {
            var e = await Pair.Csms.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Wait);
            if (e.Kind == TransportEventKind.Frame)
            {
                return Encoding.UTF8.GetString(e.Data.Span);
            }
        }
    }

    public ValueTask PeerSendAsync(string json) => Pair.Csms.SendAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);

    public ValueTask PeerSendBytesAsync(byte[] bytes) => Pair.Csms.SendAsync(bytes, CancellationToken.None);

    /// <summary>
    /// Proves the station sent nothing for what came before: a Heartbeat CALL round-trips and its answer is the
    /// very next frame. Needs a Heartbeat handler (registered on demand).
    /// </summary>
    public async Task AssertNothingSentThenAliveAsync()
    {
        if (!Handlers.CallActions.Contains("Heartbeat"))
        {
            Handlers.Register(new FixedHeartbeatHandler(Time));
        }

        await PeerSendAsync("""[2,"probe-1","Heartbeat",{}]""");
        var frame = await NextFrameAsync();
        Assert.Equal(3, frame[0].GetInt32());
        Assert.Equal("probe-1", frame[1].GetString());
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private sealed class FixedHeartbeatHandler(TimeProvider time) : IOcppRequestHandler<HeartbeatRequest, HeartbeatResponse>
    {
        public ValueTask<HeartbeatResponse> HandleAsync(HeartbeatRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new HeartbeatResponse(time.GetUtcNow()));
    }
}
