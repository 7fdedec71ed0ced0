using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Contactor;

/// <summary>
/// Contactor coils driven through relay/driver stages on GPIO outputs (active = coil energised, hardware pull-down so a
/// floating pin means open), with optional mirror contacts on GPIO inputs (active = mirror contact closed = main
/// contacts open, per IEC 60947-4-1 Annex F). Starts open; disposing opens again before releasing the lines.
/// </summary>
public sealed class RelayContactor : IContactor, IDisposable
{
    private readonly IDigitalOutput main;
    private readonly IDigitalOutput? second;
    private readonly IDigitalInput? mainMirror;
    private readonly IDigitalInput? secondMirror;
    private readonly bool ownsPorts;
    private readonly Lock gate = new();

    /// <summary>Creates the driver and drives every coil off.</summary>
    /// <param name="main">K1 coil (or the only contactor).</param>
    /// <param name="second">K2 coil (L2 + L3) for 1p/3p switching, or <see langword="null"/>.</param>
    /// <param name="mainMirror">K1 mirror contact, or <see langword="null"/>.</param>
    /// <param name="secondMirror">K2 mirror contact, or <see langword="null"/>.</param>
    /// <param name="ownsPorts">Whether disposing the driver disposes the ports.</param>
    public RelayContactor(IDigitalOutput main, IDigitalOutput? second, IDigitalInput? mainMirror, IDigitalInput? secondMirror, bool ownsPorts = true)
    {
        ArgumentNullException.ThrowIfNull(main);
        if (secondMirror is not null && second is null)
        {
            throw new ArgumentException("A K2 mirror contact needs a K2 coil output.", nameof(secondMirror));
        }

        this.main = main;
        this.second = second;
        this.mainMirror = mainMirror;
        this.secondMirror = secondMirror;
        this.ownsPorts = ownsPorts;
        Open();
    }

    /// <inheritdoc />
    public bool SupportsPhaseSwitching => second is not null;

    /// <inheritdoc />
    public bool HasFeedback => mainMirror is not null;

    /// <inheritdoc />
    public void Close(PhaseSelection phases)
    {
        if (!Enum.IsDefined(phases))
        {
            throw new ArgumentOutOfRangeException(nameof(phases), phases, "Unknown phase selection.");
        }

        if (phases == PhaseSelection.SinglePhase && second is null)
        {
            throw new NotSupportedException("Single-phase charging needs a second contactor (K2), which this board profile does not wire.");
        }

        lock (gate)
        {
            // REFERENCE §6.5: never switch K2 under load; phase changes go through Open (and the EV pausing) first.
            if (main.Value && second is not null && second.Value != (phases == PhaseSelection.AllPhases))
            {
                throw new InvalidOperationException("The contactor is closed with the other phase selection; open it before switching phases.");
            }

            // K2 only together with K1, never alone: L2/L3 without N/L1 would feed the EV an unusual supply.
            main.Write(true);
            second?.Write(phases == PhaseSelection.AllPhases);
        }
    }

    /// <inheritdoc />
    public void Open()
    {
        lock (gate)
        {
            // K2 first so L2/L3 never stay live after L1/N dropped.
            second?.Write(false);
            main.Write(false);
        }
    }

    /// <inheritdoc />
    public ContactorStatus ReadStatus()
    {
        lock (gate)
        {
            return new ContactorStatus(
                main.Value,
                second?.Value ?? false,
                Feedback(mainMirror),
                Feedback(secondMirror));
        }
    }

    /// <summary>Opens every contactor, then releases the lines if owned.</summary>
    public void Dispose()
    {
        Open();
        if (ownsPorts)
        {
            second?.Dispose();
            main.Dispose();
            mainMirror?.Dispose();
            secondMirror?.Dispose();
        }
    }

    private static ContactorFeedback Feedback(IDigitalInput? mirror) =>
        mirror is null ? ContactorFeedback.NotAvailable
        : mirror.Read() ? ContactorFeedback.Open
        : ContactorFeedback.Closed;
}
