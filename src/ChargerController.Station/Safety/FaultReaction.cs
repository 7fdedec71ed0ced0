namespace ChargerController.Station.Safety;

/// <summary>How the station reacts to one kind of fault.</summary>
/// <param name="Signal">What the pilot may drive while the fault is active.</param>
/// <param name="ClearRule">How the fault is cleared.</param>
/// <param name="StateFFirst">Whether the pilot goes to state F for the configured minimum (IEC 61851-1:2017 Table A.5, 300 ms) before <paramref name="Signal"/>.</param>
public readonly record struct FaultReaction(CpSafeSignal Signal, FaultClearRule ClearRule, bool StateFFirst);
