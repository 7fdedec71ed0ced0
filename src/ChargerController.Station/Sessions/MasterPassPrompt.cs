namespace ChargerController.Station.Sessions;

/// <summary>
/// An <see cref="IMasterPassUi"/> for any front end (a touch screen, push buttons, <c>chargerctl sim masterpass</c>):
/// <see cref="ChooseAsync"/> opens a prompt listing the EVSEs with a running session, the front end shows it
/// (<see cref="Offered"/>, <see cref="Opened"/>) and answers with <see cref="SelectAll"/>, <see cref="Select"/> or
/// <see cref="Cancel"/>. A prompt nobody answers within the timeout stops nothing: the master pass holder walked away.
/// One prompt at a time; a second master pass while one is open replaces it (the first one stops nothing).
/// </summary>
public sealed class MasterPassPrompt : IMasterPassUi
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (IReadOnlyList<int> Running, TaskCompletionSource<IReadOnlyCollection<int>> Answer)? _open;

    /// <summary>Initializes a new instance of the <see cref="MasterPassPrompt"/> class.</summary>
    /// <param name="time">The station clock (the timeout).</param>
    /// <param name="timeout">How long the prompt waits for an answer; default 60 s.</param>
    public MasterPassPrompt(TimeProvider time, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(timeout));
    }

    /// <summary>Raised when a prompt opens (show it).</summary>
    public event EventHandler? Opened;

    /// <summary>Gets how long a prompt waits for an answer.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the EVSEs the open prompt offers, or <see langword="null"/> when no prompt is open.</summary>
    public IReadOnlyList<int>? Offered
    {
        get
        {
            lock (_gate)
            {
                return _open?.Running;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<int>> ChooseAsync(IReadOnlyList<int> running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        var answer = new TaskCompletionSource<IReadOnlyCollection<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _open?.Answer.TrySetResult([]);
            _open = ([.. running], answer);
        }

        Opened?.Invoke(this, EventArgs.Empty);
        try
        {
            return await answer.Task.WaitAsync(Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return [];
        }
        finally
        {
            lock (_gate)
            {
                if (_open?.Answer == answer)
                {
                    _open = null;
                }
            }
        }
    }

    /// <summary>Stop every transaction offered.</summary>
    /// <returns>False when no prompt is open.</returns>
    public bool SelectAll()
    {
        lock (_gate)
        {
            return _open is { } open && open.Answer.TrySetResult(open.Running);
        }
    }

    /// <summary>Stop the transactions on these EVSEs.</summary>
    /// <param name="evseIds">EVSEs; each must be offered.</param>
    /// <returns>False when no prompt is open or an EVSE is not offered (the prompt stays open).</returns>
    public bool Select(IEnumerable<int> evseIds)
    {
        ArgumentNullException.ThrowIfNull(evseIds);
        int[] chosen = [.. evseIds.Distinct()];
        lock (_gate)
        {
            return _open is { } open && chosen.Length > 0 && chosen.All(open.Running.Contains) && open.Answer.TrySetResult(chosen);
        }
    }

    /// <summary>Close the prompt without stopping anything.</summary>
    /// <returns>False when no prompt is open.</returns>
    public bool Cancel()
    {
        lock (_gate)
        {
            return _open is { } open && open.Answer.TrySetResult([]);
        }
    }
}
