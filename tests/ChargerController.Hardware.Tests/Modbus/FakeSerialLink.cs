using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Modbus;

/// <summary>An in-memory serial line: what the product writes is recorded and handed to a responder; its answer becomes readable.</summary>
public sealed class FakeSerialLink : ISerialLink
{
    private readonly Lock _gate = new();
    private readonly Queue<byte> _incoming = new();
    private TaskCompletionSource _dataAvailable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeSerialLink(string portName = "/dev/fake0") => PortName = portName;

    public string PortName { get; }

    public bool IsOpen { get; private set; }

    /// <summary>Called with each write; returned bytes become readable (null = silence).</summary>
    public Func<byte[], byte[]?>? Responder { get; set; }

    /// <summary>While true, every operation fails like a pulled USB adapter.</summary>
    public bool Vanished { get; set; }

    public List<byte[]> Writes { get; } = [];

    /// <summary>While true, writes never complete (a wedged adapter) until cancelled.</summary>
    public bool StallWrites { get; set; }

    public int OpenCount { get; private set; }

    public int DiscardCount { get; private set; }

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        EnsureOpen();
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_incoming.Count > 0)
                {
                    var n = 0;
                    while (n < buffer.Length && _incoming.Count > 0)
                    {
                        buffer.Span[n++] = _incoming.Dequeue();
                    }

                    return n;
                }

                if (_dataAvailable.Task.IsCompleted)
                {
                    _dataAvailable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wait = _dataAvailable.Task;
            }

            await wait.WaitAsync(cancellationToken);
            EnsureOpen();
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (StallWrites)
        {
            return new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken));
        }

        var bytes = data.ToArray();
        lock (_gate)
        {
            Writes.Add(bytes);
        }

        if (Responder?.Invoke(bytes) is { } reply)
        {
            Inject(reply);
        }

        return ValueTask.CompletedTask;
    }

    public void DiscardInput()
    {
        lock (_gate)
        {
            _incoming.Clear();
            DiscardCount++;
        }
    }

    /// <summary>Makes bytes readable, as if the device sent them.</summary>
    public void Inject(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            foreach (var b in bytes)
            {
                _incoming.Enqueue(b);
            }

            _dataAvailable.TrySetResult();
        }
    }

    /// <summary>Wakes a pending read so it notices <see cref="Vanished"/>.</summary>
    public void Pull()
    {
        Vanished = true;
        lock (_gate)
        {
            _dataAvailable.TrySetResult();
        }
    }

    public ValueTask DisposeAsync()
    {
        IsOpen = false;
        return ValueTask.CompletedTask;
    }

    private void EnsureOpen()
    {
        if (Vanished)
        {
            IsOpen = false;
            throw new SerialPortLinkException(PortName, $"{PortName}: device vanished");
        }

        if (!IsOpen)
        {
            IsOpen = true;
            OpenCount++;
        }
    }
}
