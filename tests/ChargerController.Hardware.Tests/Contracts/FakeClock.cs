using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>Drives an operation that waits on a FakeTimeProvider: advances virtual time in steps until it completes.</summary>
public static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<ValueTask<T>> operation, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var task = operation().AsTask();
        var advanced = TimeSpan.Zero;
        var stepSize = step ?? TimeSpan.FromMilliseconds(10);
        var max = limit ?? TimeSpan.FromMinutes(1);
        while (!task.IsCompleted)
        {
            // Let continuations scheduled by the last Advance run before moving time again.
            for (var i = 0; i < 20 && !task.IsCompleted; i++)
            {
                await Task.Yield();
            }

            if (task.IsCompleted)
            {
                break;
            }

            if (advanced >= max)
            {
                throw new TimeoutException($"Operation did not complete within {max} of virtual time.");
            }

            time.Advance(stepSize);
            advanced += stepSize;
        }

        return await task;
    }
}
