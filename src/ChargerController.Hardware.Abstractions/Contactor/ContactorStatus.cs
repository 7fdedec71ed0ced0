namespace ChargerController.Hardware.Abstractions.Contactor;

/// <summary>
/// Commanded and reported position of the contactor(s). A mismatch that outlasts the pick-up/drop-out time
/// (100–300 ms) is a fault: commanded open but feedback closed = welded; commanded closed but feedback open = failed to close.
/// </summary>
/// <param name="MainCommandedClosed">Whether K1 (or the only contactor) is commanded closed.</param>
/// <param name="SecondCommandedClosed">Whether K2 is commanded closed (always false without phase switching).</param>
/// <param name="MainFeedback">K1's mirror contact.</param>
/// <param name="SecondFeedback">K2's mirror contact (<see cref="ContactorFeedback.NotAvailable"/> without K2 or without its mirror).</param>
public readonly record struct ContactorStatus(
    bool MainCommandedClosed,
    bool SecondCommandedClosed,
    ContactorFeedback MainFeedback,
    ContactorFeedback SecondFeedback)
{
    /// <summary>Whether any contactor is commanded closed.</summary>
    public bool AnyCommandedClosed => MainCommandedClosed || SecondCommandedClosed;

    /// <summary>Whether any available feedback disagrees with its command right now (expected briefly after a switch).</summary>
    public bool FeedbackMismatch =>
        Mismatch(MainCommandedClosed, MainFeedback) || Mismatch(SecondCommandedClosed, SecondFeedback);

    private static bool Mismatch(bool commandedClosed, ContactorFeedback feedback) =>
        feedback != ContactorFeedback.NotAvailable && commandedClosed != (feedback == ContactorFeedback.Closed);
}
