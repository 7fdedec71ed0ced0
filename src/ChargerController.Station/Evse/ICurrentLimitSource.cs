namespace ChargerController.Station.Evse;

/// <summary>
/// A port through which smart charging (OCPP block K composite schedule), local load management or thermal derating
/// limits the current of one EVSE. The loop reads every source each step and offers the minimum.
/// Implementations must be cheap, non-blocking and thread-safe (they are read from the control loop).
/// </summary>
public interface ICurrentLimitSource
{
    /// <summary>The limit now, amperes per phase; <see langword="null"/> when this source does not limit. 0 (or below 6 A) pauses charging.</summary>
    /// <param name="now">Station clock, for time-dependent schedules.</param>
    /// <returns>The limit, or <see langword="null"/>.</returns>
    double? GetCurrentLimitA(DateTimeOffset now);
}
