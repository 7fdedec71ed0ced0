using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Modbus;

/// <summary>Drives FakeTimeProvider forward until a task completes, so timeouts and retries run in virtual time.</summary>
public static class VirtualTime
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> operation, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var task = operation();
        await DriveAsync(time, task, step, limit);
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider time, Func<Task> operation, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var task = operation();
        await DriveAsync(time, task, step, limit);
        await task;
    }

    private static async Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan? step, TimeSpan? limit)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(5);
        var max = limit ?? TimeSpan.FromMinutes(1);
        var elapsed = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            // Let continuations on the thread pool run before moving the clock again.
            await Task.WhenAny(task, Task.Delay(1));
            if (task.IsCompleted)
            {
                break;
            }

            if (elapsed > max)
            {
                throw new TimeoutException($"operation still running after {max} of virtual time");
            }

            time.Advance(advance);
            elapsed += advance;
        }
    }
}
