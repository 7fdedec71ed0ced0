using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>
/// A contactor pair (K1, optional K2) with an optional mirror contact. Faults: welded main contact (feedback stays
/// closed after opening), failure to close (feedback stays open), exceptions from each member. Commands are recorded.
/// </summary>
public sealed class FakeContactor(TimeProvider time, bool hasFeedback = true, bool supportsPhaseSwitching = false) : IContactor
{
    public bool SupportsPhaseSwitching { get; } = supportsPhaseSwitching;

    public bool HasFeedback { get; } = hasFeedback;

    public bool MainClosed { get; private set; }

    public bool SecondClosed { get; private set; }

    public bool Welded { get; set; }

    public bool FailsToClose { get; set; }

    public Exception? ThrowOnClose { get; set; }

    public Exception? ThrowOnOpen { get; set; }

    public Exception? ThrowOnRead { get; set; }

    /// <summary>Called at every successful Close, before the coil state changes (the property test checks the interlock there).</summary>
    public Action<PhaseSelection>? OnClose { get; set; }

    public List<(DateTimeOffset At, bool Closed, PhaseSelection Phases)> Commands { get; } = [];

    public int CloseCount { get; private set; }

    public bool AnyClosed => MainClosed || SecondClosed;

    public void Close(PhaseSelection phases)
    {
        if (ThrowOnClose is { } ex)
        {
            throw ex;
        }

        if (!Enum.IsDefined(phases))
        {
            throw new ArgumentOutOfRangeException(nameof(phases));
        }

        if (phases == PhaseSelection.SinglePhase && !SupportsPhaseSwitching)
        {
            throw new NotSupportedException();
        }

        OnClose?.Invoke(phases);
        CloseCount++;
        MainClosed = true;
        SecondClosed = SupportsPhaseSwitching && phases == PhaseSelection.AllPhases;
        Commands.Add((time.GetUtcNow(), true, phases));
    }

    public void Open()
    {
        if (ThrowOnOpen is { } ex)
        {
            throw ex;
        }

        if (AnyClosed)
        {
            Commands.Add((time.GetUtcNow(), false, PhaseSelection.AllPhases));
        }

        MainClosed = false;
        SecondClosed = false;
    }

    public ContactorStatus ReadStatus()
    {
        if (ThrowOnRead is { } ex)
        {
            throw ex;
        }

        var main = !HasFeedback ? ContactorFeedback.NotAvailable
            : Welded ? ContactorFeedback.Closed
            : MainClosed && !FailsToClose ? ContactorFeedback.Closed
            : ContactorFeedback.Open;
        var second = !HasFeedback || !SupportsPhaseSwitching ? ContactorFeedback.NotAvailable
            : SecondClosed && !FailsToClose ? ContactorFeedback.Closed
            : ContactorFeedback.Open;
        return new ContactorStatus(MainClosed, SecondClosed, main, second);
    }
}
