using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Station.Safety;

/// <summary>Result of one <see cref="PowerPathInterlock.Evaluate"/>.</summary>
/// <param name="Closed">Whether the contactor is commanded closed after the evaluation.</param>
/// <param name="Unmet">The closing conditions that did not hold (<see cref="InterlockCondition.None"/> when closing was allowed).</param>
/// <param name="Supervision">Mirror-contact supervision result.</param>
/// <param name="Status">The contactor status read back this step.</param>
/// <param name="SoftStopping">Whether a closed contactor is being held while the EV ramps down.</param>
public readonly record struct InterlockOutcome(
    bool Closed,
    InterlockCondition Unmet,
    ContactorSupervision Supervision,
    ContactorStatus Status,
    bool SoftStopping);
