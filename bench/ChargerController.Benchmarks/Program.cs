using BenchmarkDotNet.Running;
using ChargerController.Benchmarks.Evse;

// Latency distributions are plain programs behind a switch (BenchmarkDotNet reports means, not tails).
if (args.Length > 0 && args[0] == "--evse-latency")
{
    return await EvseLoopLatency.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--queue")
{
    return await ChargerController.Benchmarks.Queue.QueueBenchmarks.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--chargerd")
{
    return await ChargerController.Benchmarks.Chargerd.ChargerdProcessBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
