using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>One accepted GetLog: its target, its state and the means to cancel it (N01.FR.12).</summary>
internal sealed class LogUploadJob : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _done;
    private bool _started;

    public LogUploadJob(GetLogRequest request, Uri location, string fileName, ILogSource source, ILogUploader uploader, LogUploadJob? previous)
    {
        Request = request;
        Location = location;
        FileName = fileName;
        Source = source;
        Uploader = uploader;
        Previous = previous;
    }

    public GetLogRequest Request { get; }

    public int RequestId => Request.RequestId;

    public Uri Location { get; }

    public string FileName { get; }

    public ILogSource Source { get; }

    public ILogUploader Uploader { get; }

    /// <summary>Gets the upload this one replaces, if it was still running when the request came.</summary>
    public LogUploadJob? Previous { get; }

    public CancellationToken Token => _cancel.Token;

    /// <summary>Gets a task completing when the job has finished (sent its last status) or was canceled.</summary>
    public Task Completion => _completed.Task;

    /// <summary>Gets or sets the last status reported (for TriggerMessage LogStatusNotification).</summary>
    public UploadLogStatusEnumType Status { get; set; } = UploadLogStatusEnumType.Uploading;

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return !_done;
            }
        }
    }

    /// <summary>Cancels the job unless it already finished.</summary>
    /// <returns>True when it was still running and got canceled.</returns>
    public bool TryCancel()
    {
        lock (_gate)
        {
            if (_done)
            {
                return false;
            }

            _done = true;
            if (!_started)
            {
                // Never started (its answer never went out): nothing will complete it otherwise.
                _completed.TrySetResult();
            }
        }

        _cancel.Cancel();
        return true;
    }

    /// <summary>Marks the job as running.</summary>
    /// <returns>False when it was canceled before it started.</returns>
    public bool MarkStarted()
    {
        lock (_gate)
        {
            _started = true;
            return !_done;
        }
    }

    /// <summary>Marks the job finished.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _done = true;
        }

        _completed.TrySetResult();
    }

    public void Dispose() => _cancel.Dispose();
}
