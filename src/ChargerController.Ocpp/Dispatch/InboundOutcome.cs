namespace ChargerController.Ocpp.Dispatch;

/// <summary>A handled CALL: the response payload and the optional act-after-respond step.</summary>
/// <param name="ResponseJson">The CALLRESULT payload as UTF-8 JSON.</param>
/// <param name="AfterResponse">Runs once the response has been sent; <see langword="null"/> when the handler has none.</param>
internal sealed record InboundOutcome(byte[] ResponseJson, Func<CancellationToken, ValueTask>? AfterResponse);
