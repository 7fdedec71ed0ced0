namespace ChargerController.Station.Monitoring;

/// <summary>Flush parameters of a periodic event stream (PeriodicEventStreamParamsType, N11/N15).</summary>
/// <param name="Interval">Seconds between flushes; null or 0 = no timed flush.</param>
/// <param name="Values">Values per message / flush as soon as this many are buffered; null or 0 = no count limit.</param>
public sealed record StreamParameters(int? Interval, int? Values);
