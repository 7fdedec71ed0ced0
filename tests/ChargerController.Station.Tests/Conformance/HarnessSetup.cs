using ChargerController.Station.DeviceModel;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Runtime;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>Optional extra wiring of a <see cref="StationHarness"/>; every member null = the harness defaults.</summary>
public sealed class HarnessSetup
{
    /// <summary>Gets the options of the loopback CSMS (e.g. TLS); null = plain ws:// with the harness password.</summary>
    public LoopbackCsmsOptions? Csms { get; init; }

    /// <summary>Gets the modules to attach, created for every (re)start after the device model exists.</summary>
    public Func<StationHarness, IReadOnlyList<IStationModule>>? Modules { get; init; }

    /// <summary>Gets the transport options, created for every (re)start after <see cref="Modules"/>.</summary>
    public Func<StationHarness, WebSocketTransportOptions>? Transport { get; init; }

    /// <summary>Gets a change to the runtime options of every (re)start (the harness sets the boot reason first); null = unchanged.</summary>
    public Func<StationRuntimeOptions, StationRuntimeOptions>? RuntimeOptions { get; init; }

    /// <summary>Gets a change to the station identity of every (re)start (e.g. meters that sign); null = the harness identity.</summary>
    public Func<StationIdentity, StationIdentity>? Identity { get; init; }
}
