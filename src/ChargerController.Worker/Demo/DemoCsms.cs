namespace ChargerController.Worker.Demo;

/// <summary>The embedded development CSMS of a <c>--demo</c> run, if one was started.</summary>
/// <param name="Endpoint">Its endpoint, or <see langword="null"/> when the station talks to a configured CSMS (or none).</param>
internal sealed record DemoCsms(Uri? Endpoint);
