namespace ChargerController.Hardware.Abstractions.Contactor;

/// <summary>
/// The power contactor(s) switching L1–L3 and N of one EVSE, with optional second contactor for 1p/3p switching
/// and optional mirror-contact feedback. Only the station's power-path interlock calls <see cref="Close"/> (house rule 15).
/// Implementations start open and drive the coils off again on dispose.
/// </summary>
public interface IContactor
{
    /// <summary>Whether a second contactor (K2: L2 + L3) allows single-phase charging.</summary>
    bool SupportsPhaseSwitching { get; }

    /// <summary>Whether at least the main contactor has a mirror contact wired (weld detection possible).</summary>
    bool HasFeedback { get; }

    /// <summary>Energises the coil(s). Never switch K2 under load: open first, then close with the new selection.</summary>
    /// <param name="phases">Which contactors to close.</param>
    /// <exception cref="NotSupportedException"><see cref="PhaseSelection.SinglePhase"/> without <see cref="SupportsPhaseSwitching"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <see cref="PhaseSelection"/> value.</exception>
    /// <exception cref="InvalidOperationException">Already closed with the other selection: K2 would switch under load (repeating the same selection is fine).</exception>
    void Close(PhaseSelection phases);

    /// <summary>De-energises every coil. Never throws for a healthy port: it is called from every exit path.</summary>
    void Open();

    /// <summary>Reads the commands and the mirror contacts now.</summary>
    /// <returns>The status.</returns>
    ContactorStatus ReadStatus();
}
