using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Payment;

/// <content>C25: the static or dynamic QR code, the driver's URL limits and NotifyWebPaymentStarted.</content>
public sealed partial class PaymentModule
{
    private readonly Dictionary<int, WebPaymentLimits> qrLimits = [];
    private readonly Dictionary<int, DateTimeOffset> webPaymentHolds = [];
    private readonly Dictionary<string, int> transactionEvses = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> shownQr = [];
    private ITimer? qrTimer;

    /// <summary>Raised when the QR code URL of an EVSE changed (argument: evseId); also shown on <see cref="IPaymentDisplay"/>.</summary>
    public event EventHandler<int>? QrCodeChanged;

    /// <summary>Raised when a receipt URL was shown to the driver (C21).</summary>
    public event EventHandler<string>? ReceiptShown;

    /// <summary>Gets the URL the QR code of an EVSE shows now, or null (disabled, EVSE in use, held by a web payment).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>The URL.</returns>
    public string? QrCodeUrl(int evseId)
    {
        lock (shownQr)
        {
            return shownQr.GetValueOrDefault(evseId);
        }
    }

    /// <summary>
    /// The driver entered limits before scanning (C25.FR.03): the QR code of the EVSE gets them as URL parameters
    /// (C25.FR.56-58) and the transaction the CSMS starts there with a DirectPayment token enforces them (C25.FR.04-06).
    /// An empty <paramref name="limits"/> clears them.
    /// </summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="limits">The limits.</param>
    /// <returns>A task completing once the QR code shows them.</returns>
    public Task SetQrLimitsAsync(int evseId, WebPaymentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(evseId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(evseId, evseCount);
        if (limits.MaxTimeS is < 1 || limits.MaxEnergyWh is <= 0 || limits.MaxCost is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "Limits must be positive.");
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post("QR limits", async () =>
        {
            try
            {
                if (limits.IsEmpty)
                {
                    qrLimits.Remove(evseId);
                }
                else
                {
                    qrLimits[evseId] = limits;
                }

                await RefreshQrCodesAsync().ConfigureAwait(false);
            }
            finally
            {
                done.TrySetResult();
            }
        });
        return done.Task;
    }

    /// <summary>Answers NotifyWebPaymentStarted (C25.FR.27) and holds the EVSE's QR code for the timeout (C25.FR.22).</summary>
    /// <param name="request">The request.</param>
    internal void OnWebPaymentStarted(NotifyWebPaymentStartedRequest request)
    {
        if (request.EvseId < 1 || request.EvseId > evseCount || request.Timeout < 0)
        {
            // Still answered (C25.FR.27 has no status to refuse with); nothing is held for an EVSE that does not exist.
            return;
        }

        PaymentLog.WebPaymentStarted(logger, request.EvseId, request.Timeout);
        Post("web payment started", () =>
        {
            webPaymentHolds[request.EvseId] = time.GetUtcNow().AddSeconds(request.Timeout);

            // C25.FR.22: no local start on the EVSE meanwhile (WebPaymentGate).
            holds.Hold(request.EvseId, webPaymentHolds[request.EvseId]);
            lock (shownQr)
            {
                shownQr.Remove(request.EvseId);
            }

            // C25.FR.22: feedback that the scan worked.
            Show(request.EvseId, d => d.ShowText(request.EvseId, "Payment in progress - please wait"));
            QrCodeChanged?.Invoke(this, request.EvseId);
            return RefreshQrCodesAsync();
        });
    }

    /// <summary>Gets whether a web payment holds the EVSE (C25.FR.22: no local start meanwhile).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <returns>True while held.</returns>
    public bool IsHeldForWebPayment(int evseId) => webPaymentHolds.TryGetValue(evseId, out var until) && until > time.GetUtcNow();

    private async Task OnWebPaymentTransactionStartedAsync(int evseId, string transactionId, bool notTerminalPayment)
    {
        transactionEvses[transactionId] = evseId;

        // C25.FR.22: the RequestStartTransaction arrived; the hold ends.
        webPaymentHolds.Remove(evseId);
        holds.Release(evseId);
        if (notTerminalPayment && qrLimits.Remove(evseId, out var limits))
        {
            // C25.FR.04-06: the driver's limits are enforced whatever the CSMS does with the URL parameters (C25.FR.60).
            await sessions.SetLimitAsync(transactionId, new TransactionLimitType { MaxTime = limits.MaxTimeS, MaxEnergy = limits.MaxEnergyWh, MaxCost = limits.MaxCost }, stop.Token).ConfigureAwait(false);
        }

        await RefreshQrCodesAsync().ConfigureAwait(false);
    }

    private Task RefreshQrCodesAsync()
    {
        var model = context?.DeviceModel;
        if (model is null)
        {
            return Task.CompletedTask;
        }

        qrTimer?.Dispose();
        qrTimer = null;
        var enabled = model.GetBool(DeviceModelCatalog.WebPaymentsCtrlr, "Enabled", false);
        string? Get(string variable) => model.GetValue(VariableKey.Of(DeviceModelCatalog.WebPaymentsCtrlr, variable));
        var secret = Get("SharedSecret");
        var validity = TimeSpan.FromSeconds(Math.Clamp(model.GetInt(DeviceModelCatalog.WebPaymentsCtrlr, "ValidityTime", 30), 6, 3600));
        var length = Math.Max(6, model.GetInt(DeviceModelCatalog.WebPaymentsCtrlr, "Length", 8));
        var supported = (Get("URLParameters") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var configuredId = Get("ChargingStationId");
        var id = string.IsNullOrWhiteSpace(configuredId) ? stationId : configuredId;
        var now = time.GetUtcNow();
        var totp = string.IsNullOrEmpty(secret) ? null : TotpV1.Compute(secret, now, validity, length);
        var template = Get("URLTemplate");
        var dynamic = template?.Contains("{totp}", StringComparison.Ordinal) == true;
        for (var evseId = 1; evseId <= evseCount; evseId++)
        {
            string? url = null;
            var inUse = sessions.SessionOf(evseId) is not null || sessions.HasActiveTransaction(evseId) || IsHeldForWebPayment(evseId);
            if (enabled && !inUse)
            {
                url = WebPaymentUrl.TryBuild(template, id, evseId, Get("RoamingEvseId"), totp, qrLimits.GetValueOrDefault(evseId), supported, out var error);
                if (url is null && evseId == 1)
                {
                    PaymentLog.QrCodeUnavailable(logger, error ?? "unknown");
                }
            }

            string? before;
            lock (shownQr)
            {
                before = shownQr.GetValueOrDefault(evseId);
                if (url is null)
                {
                    shownQr.Remove(evseId);
                }
                else
                {
                    shownQr[evseId] = url;
                }
            }

            if (before == url)
            {
                continue;
            }

            if (url is not null)
            {
                Show(evseId, d => d.ShowQrCode(evseId, url));
            }
            else if (!IsHeldForWebPayment(evseId))
            {
                Show(evseId, d => d.Clear(evseId));
            }

            QrCodeChanged?.Invoke(this, evseId);
        }

        if (enabled && dynamic && totp is not null)
        {
            // C25 prerequisite: a new password every ValidityTime, at the interval boundary the CSMS validates against.
            var due = TotpV1.NextChange(now, validity) - now;
            qrTimer = time.CreateTimer(_ => Post("QR code", () => RefreshQrCodesAsync()), null, due, Timeout.InfiniteTimeSpan);
        }
        else if (webPaymentHolds.Count > 0)
        {
            // A hold ends after its timeout even without a password to renew.
            var next = webPaymentHolds.Values.Min() - now;
            qrTimer = time.CreateTimer(_ => Post("QR code", () => RefreshQrCodesAsync()), null, next > TimeSpan.Zero ? next : TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }

        foreach (var expired in webPaymentHolds.Where(h => h.Value <= now).Select(h => h.Key).ToList())
        {
            webPaymentHolds.Remove(expired);
            holds.Release(expired);
        }

        return Task.CompletedTask;
    }

    private int? LastEvseOf(string? transactionId) => transactionId is not null && transactionEvses.TryGetValue(transactionId, out var evseId) ? evseId : null;

    private void Show(int? evseId, Action<IPaymentDisplay> action)
    {
        _ = evseId;
        try
        {
            action(display);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken display never stops a payment.
            PaymentLog.DisplayFailed(logger, ex);
        }
    }
}
