using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>A pending call whose CALLRESULT payload is converted to <typeparamref name="T"/>.</summary>
internal sealed class TypedPendingCall<T> : PendingCall
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<JsonElement, T> _convert;

    public TypedPendingCall(string action, string messageId, byte[] frame, Func<JsonElement, T> convert, CancellationToken callerToken)
        : base(action, messageId, frame, callerToken)
    {
        _convert = convert;
        Settled = _completion.Task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task<T> Result => _completion.Task;

    public override Task Settled { get; }

    public override PayloadViolation? TryComplete(JsonElement payload)
    {
        T value;
        try
        {
            value = _convert(payload);
        }
        catch (OcppCallErrorException ex)
        {
            return new PayloadViolation(ex.ErrorCode, string.Empty, ex.Message);
        }

        _completion.TrySetResult(value);
        return null;
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
