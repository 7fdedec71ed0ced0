using ChargerController.Station.Payment;

namespace ChargerController.Station.Tests.Conformance.C;

/// <summary>
/// The simulated terminal whose capture can be held open (a PSP that does not answer): the station loses power while
/// the settlement is in progress. Everything else is the simulated terminal's.
/// </summary>
public sealed class HoldingSettleTerminal(SimulatedPaymentTerminal inner) : IPaymentTerminal
{
    private readonly TaskCompletionSource _settleStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets or sets a value indicating whether a capture hangs until the station stops.</summary>
    public bool Hold { get; set; } = true;

    /// <summary>Gets a task completing when a held capture began.</summary>
    public Task SettleStarted => _settleStarted.Task;

    public PaymentTerminalInfo Info => inner.Info;

    public Task<PaymentTerminalEvent> NextEventAsync(decimal authorizationAmount, CancellationToken cancellationToken) => inner.NextEventAsync(authorizationAmount, cancellationToken);

    public Task<bool> CancelAsync(string pspRef, CancellationToken cancellationToken) => inner.CancelAsync(pspRef, cancellationToken);

    public async Task<PaymentSettlementResult> SettleAsync(string pspRef, decimal amount, CancellationToken cancellationToken)
    {
        if (Hold)
        {
            _settleStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await inner.SettleAsync(pspRef, amount, cancellationToken);
    }

    public Task<bool> IncreaseAuthorizationAsync(string pspRef, decimal increment, CancellationToken cancellationToken) => inner.IncreaseAuthorizationAsync(pspRef, increment, cancellationToken);
}
