using ChargerController.Storage.Tests.Authorization;
using ChargerController.Storage.Tests.Queue;

namespace ChargerController.Storage.Tests;

/// <summary>
/// Entry point of the test assembly when run as a child process (the test host itself never calls it): the crash test
/// starts <c>dotnet exec ChargerController.Storage.Tests.dll --queue-crash-writer &lt;db&gt;</c> and SIGKILLs it.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == QueueCrashWriter.Switch)
        {
            return await QueueCrashWriter.RunAsync(args[1]);
        }

        if (args.Length == 2 && args[0] == LocalListCrashWriter.Switch)
        {
            return await LocalListCrashWriter.RunAsync(args[1]);
        }

        await Console.Error.WriteLineAsync("usage: " + QueueCrashWriter.Switch + " <database path>");
        return 2;
    }
}
