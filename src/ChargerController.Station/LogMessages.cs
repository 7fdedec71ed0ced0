using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station;

/// <summary>Source-generated log messages of the Station (house rule 9): stable event ids, structured fields.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "EVSE {EvseId}: contactor closed ({Phases})")]
    public static partial void ContactorClosed(ILogger logger, int evseId, PhaseSelection phases);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "EVSE {EvseId}: contactor opened: {Reason}")]
    public static partial void ContactorOpened(ILogger logger, int evseId, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "EVSE {EvseId}: contactor port failed")]
    public static partial void ContactorPortFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "EVSE {EvseId}: control pilot port failed")]
    public static partial void PilotPortFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "EVSE {EvseId}: safe state ({Signal}): {Reason}")]
    public static partial void SafeStateEntered(ILogger logger, int evseId, CpSafeSignal signal, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Critical, Message = "EVSE {EvseId}: control loop stalled for {AgeMs} ms, safe state forced")]
    public static partial void LoopStalled(ILogger logger, int evseId, double ageMs);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "EVSE {EvseId}: control loop step failed")]
    public static partial void StepFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "EVSE {EvseId}: pilot {Previous} -> {State}")]
    public static partial void PilotStateChanged(ILogger logger, int evseId, PilotState previous, PilotState state);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "EVSE {EvseId}: PWM {DutyCyclePercent} %")]
    public static partial void PwmChanged(ILogger logger, int evseId, double dutyCyclePercent);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "EVSE {EvseId}: pilot steady {Mode}")]
    public static partial void PilotSteady(ILogger logger, int evseId, CpGeneratorMode mode);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "EVSE {EvseId}: fault {Kind}: {Reason}")]
    public static partial void FaultRaised(ILogger logger, int evseId, FaultKind kind, string reason);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "EVSE {EvseId}: fault {Kind} cleared")]
    public static partial void FaultCleared(ILogger logger, int evseId, FaultKind kind);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "EVSE {EvseId}: phase selection {Phases}")]
    public static partial void PhasesSelected(ILogger logger, int evseId, PhaseSelection phases);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "EVSE {EvseId}: current limit source failed, offering nothing")]
    public static partial void LimitSourceFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "EVSE {EvseId}: connector unlock failed: {Feedback}")]
    public static partial void UnlockFailed(ILogger logger, int evseId, string feedback);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Information, Message = "EVSE {EvseId}: RCD self-test passed")]
    public static partial void RcdSelfTestPassed(ILogger logger, int evseId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Error, Message = "EVSE {EvseId}: residual-current monitor port failed")]
    public static partial void RcdPortFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Error, Message = "EVSE {EvseId}: event handler failed")]
    public static partial void EventHandlerFailed(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "EVSE {EvseId}: reset: offer withdrawn; once the contactor is open, pilot state F, then idle")]
    public static partial void EvseReset(ILogger logger, int evseId);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "EVSE {EvseId}: session {TransactionId} authorized for {IdToken} ({Origin})")]
    public static partial void SessionAuthorized(ILogger logger, int evseId, string transactionId, string idToken, string origin);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "EVSE {EvseId}: session {TransactionId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, int evseId, string transactionId, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Token {IdToken} rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string idToken, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "EVSE {EvseId}: meter start value unavailable, session energy counts from the first good reading")]
    public static partial void SessionMeterStartUnavailable(ILogger logger, int evseId, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Session coordinator failed handling {What}")]
    public static partial void SessionCoordinatorFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Token {IdToken} authorized before an EV is plugged in: the first of EVSE {Evses} plugged in within {Seconds} s gets the session")]
    public static partial void AuthorizationAwaitingEv(ILogger logger, string idToken, string evses, double seconds);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Authorization of {IdToken} ended before an EV was plugged in: {Reason}")]
    public static partial void AwaitingAuthorizationEnded(ILogger logger, string idToken, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Authorization of {IdToken} expired: no EV plugged in within {Seconds} s (E03)")]
    public static partial void AwaitingAuthorizationExpired(ILogger logger, string idToken, double seconds);
}
