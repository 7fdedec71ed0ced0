using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Queue;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Runtime;

/// <summary>What a <see cref="IStationModule"/> gets from the runtime when it is attached.</summary>
public sealed class StationModuleContext
{
    private readonly StationRuntime _runtime;

    internal StationModuleContext(
        IStationMessageSender sender,
        IOcppStatusSource status,
        StationDeviceModel model,
        SecurityEventReporter securityEvents,
        StatusNotificationReporter statusReporter,
        AvailabilityManager availability,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        StationRuntime runtime)
    {
        Sender = sender;
        Status = status;
        DeviceModel = model;
        SecurityEvents = securityEvents;
        StatusReporter = statusReporter;
        Availability = availability;
        Time = time;
        LoggerFactory = loggerFactory;
        _runtime = runtime;
    }

    /// <summary>Gets the sender for station-initiated messages (held back until the boot was accepted).</summary>
    public IStationMessageSender Sender { get; }

    /// <summary>Gets the sender of OCPP 2.1 SEND messages (NotifyPeriodicEventStream, N15).</summary>
    public IStationUnconfirmedSender UnconfirmedSender => _runtime;

    /// <summary>Gets the connection and registration state.</summary>
    public IOcppStatusSource Status { get; }

    /// <summary>Gets the device model.</summary>
    public StationDeviceModel DeviceModel { get; }

    /// <summary>Gets the security event reporter (A04).</summary>
    public SecurityEventReporter SecurityEvents { get; }

    /// <summary>Gets the StatusNotification reporter (G01).</summary>
    public StatusNotificationReporter StatusReporter { get; }

    /// <summary>Gets the availability state (G03/G04).</summary>
    public AvailabilityManager Availability { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the boot sequence (registration state, re-registration after a network profile switch, B10.FR.10).</summary>
    public IBootNotificationControl Boot => _runtime;

    /// <summary>
    /// Sets how long a CALL of the station waits for its answer on the connection (B09: the <c>messageTimeout</c> of the
    /// network connection profile in use); applies from the next CALL on.
    /// </summary>
    /// <param name="timeout">The timeout; at least one second.</param>
    public void SetMessageTimeout(TimeSpan timeout) => _runtime.SetMessageTimeout(timeout);

    /// <summary>
    /// Gets how long a CALL of the station waits for its answer on the connection now: the <c>messageTimeout</c> of the
    /// network connection profile in use once one is applied (<see cref="SetMessageTimeout"/>), else
    /// <c>OCPPCommCtrlr.MessageTimeout[Default]</c> as read at start-up.
    /// </summary>
    public TimeSpan MessageTimeout => _runtime.MessageTimeout;

    /// <summary>Gets the logger factory.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Gets the outbound queue (E14 GetTransactionStatus counts the messages of a transaction in it).</summary>
    public IOutboundQueue OutboundQueue => _runtime.OutboundQueue;

    /// <summary>
    /// Raised when a queued message left the outbound queue, answered or given up on (on the pump's loop; keep handlers
    /// short). The transaction block reads the idTokenInfo of TransactionEventResponses here (E05, C10.FR.05).
    /// </summary>
    public event EventHandler<OutboundDeliveredEventArgs>? QueuedMessageDelivered
    {
        add => _runtime.QueueDelivered += value;
        remove => _runtime.QueueDelivered -= value;
    }

    /// <summary>
    /// Registers a handler for a CSMS-initiated action. It is gated on the registration state: while Pending only
    /// handlers with <paramref name="allowedWhilePending"/> run (B02.FR.02), the others answer SecurityError.
    /// A handler that also implements <see cref="IOcppAfterResponse{TRequest,TResponse}"/> gets called after its answer
    /// went out.
    /// </summary>
    /// <typeparam name="TRequest">Request type.</typeparam>
    /// <typeparam name="TResponse">Response type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="allowedWhilePending">Whether it runs while the registration is Pending.</param>
    public void Register<TRequest, TResponse>(IOcppRequestHandler<TRequest, TResponse> handler, bool allowedWhilePending = false)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _runtime.RegisterHandler(handler, allowedWhilePending);
    }
}
