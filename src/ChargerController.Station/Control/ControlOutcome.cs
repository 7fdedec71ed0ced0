using ChargerController.Control.Wire;

namespace ChargerController.Station.Control;

/// <summary>The result of a control command, independent of the transport.</summary>
/// <param name="Ok">Whether it was done.</param>
/// <param name="ErrorCode">A <see cref="ControlErrorCodes"/> value when not done.</param>
/// <param name="Message">What happened or why not.</param>
public sealed record ControlOutcome(bool Ok, string? ErrorCode, string Message)
{
    /// <summary>Done.</summary>
    /// <param name="message">What happened.</param>
    /// <returns>The outcome.</returns>
    public static ControlOutcome Done(string message) => new(true, null, message);

    /// <summary>Refused in the current state.</summary>
    /// <param name="message">Why.</param>
    /// <returns>The outcome.</returns>
    public static ControlOutcome Refused(string message) => new(false, ControlErrorCodes.Refused, message);

    /// <summary>Bad argument (e.g. no such EVSE).</summary>
    /// <param name="message">Why.</param>
    /// <returns>The outcome.</returns>
    public static ControlOutcome Invalid(string message) => new(false, ControlErrorCodes.InvalidArgument, message);
}
