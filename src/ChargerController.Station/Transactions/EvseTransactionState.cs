using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Evse;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Transactions;

/// <summary>What the transaction manager tracks per EVSE; touched only on the manager's work loop.</summary>
internal sealed class EvseTransactionState
{
    public EvseTransactionState(int evseId) => EvseId = evseId;

    public int EvseId { get; }

    public bool EvConnected { get; set; }

    public ChargingSession? Session { get; set; }

    public bool Authorized => Session is not null;

    public EvseChargingState ChargingState { get; set; }

    public double OfferedCurrentA { get; set; }

    public Evse.Iec61851.PilotState Pilot { get; set; }

    public TransactionRecord? Tx { get; set; }

    /// <summary>Gets or sets a value indicating whether a transaction ended and the start conditions have not all dropped since (no immediate restart).</summary>
    public bool Latched { get; set; }

    public bool IdTokenSent { get; set; }

    public ChargingStateEnumType? ReportedChargingState { get; set; }

    public int? ReportedPhases { get; set; }

    public double ReportedOfferedA { get; set; }

    /// <summary>Gets or sets the reason of an authorization that ended while the stop point is not reached yet.</summary>
    public (TriggerReasonEnumType Trigger, ReasonEnumType Reason)? PendingStop { get; set; }

    public ITimer? SampledTimer { get; set; }

    public ITimer? EndedSampleTimer { get; set; }

    public ITimer? LimitTimer { get; set; }

    /// <summary>Gets or sets a value indicating whether the transaction was resumed after a restart without its energy (E17.FR.12).</summary>
    public bool ResumedWithoutEnergy { get; set; }

    public List<MeterValueType> EndedValues { get; } = [];

    public ChargingProfileType? PendingProfile { get; set; }

    public void ClearTransaction()
    {
        Tx = null;
        IdTokenSent = false;
        ReportedChargingState = null;
        ReportedPhases = null;
        ReportedOfferedA = 0;
        PendingStop = null;
        SampledTimer?.Dispose();
        SampledTimer = null;
        EndedSampleTimer?.Dispose();
        EndedSampleTimer = null;
        LimitTimer?.Dispose();
        LimitTimer = null;
        ResumedWithoutEnergy = false;
        EndedValues.Clear();
    }
}
