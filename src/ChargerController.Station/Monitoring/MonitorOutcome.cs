using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Monitoring;

/// <summary>Result of evaluating one monitor against a new value.</summary>
/// <param name="Kind">Triggered, cleared or nothing.</param>
/// <param name="Trigger">The event trigger to report (Alerting for thresholds/targets, Delta for delta).</param>
/// <param name="Next">The monitor state after this evaluation.</param>
public readonly record struct MonitorOutcome(MonitorOutcomeKind Kind, EventTriggerEnumType Trigger, MonitorState Next);
