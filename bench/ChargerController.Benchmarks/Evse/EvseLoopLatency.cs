using System.Diagnostics;
using System.Globalization;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Iec61851;

namespace ChargerController.Benchmarks.Evse;

/// <summary>
/// Latency from a CP change becoming visible to the sampler (EV C→B) to IContactor.Open reaching the port, with the real
/// clock (TimeProvider.System), the product loop (EvseController.RunAsync on PeriodicTimer) and two spinning threads
/// keeping the cores busy. A plain program rather than BenchmarkDotNet: we want the distribution, not a mean.
/// Run: dotnet run -c Release --project bench/ChargerController.Benchmarks -- --evse-latency [iterations] (0: CPU table only)
/// </summary>
public static class EvseLoopLatency
{
    private static readonly double VoltsB = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(CpState.B));
    private static readonly double VoltsC = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(CpState.C));

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        Console.WriteLine($"EVSE loop latency: {Environment.ProcessorCount} cores, {iterations} C->B transitions per configuration, 2 spinning threads");
        Console.WriteLine("load average at start: " + LoadAverage());
        Console.WriteLine("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=" + (Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "(unset)"));

        // Idle cost first, before the spinners start (they would drown the process CPU time).
        Console.WriteLine();
        Console.WriteLine("| loop (fake ports, no EV / charging) | steps/s | CPU % of one core |");
        Console.WriteLine("|---|---|---|");
        var baseline = await CpuPercentAsync(null, charging: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| process without a loop (baseline) | 0 | {baseline.CpuPercent:0.000} |"));
        foreach (var (name, options, charging) in new (string, EvseOptions, bool)[]
        {
            ("idle, period 10 ms (default)", new EvseOptions { RcdSelfTestAtStart = false }, false),
            ("idle, period 5 ms", new EvseOptions { RcdSelfTestAtStart = false, LoopPeriod = TimeSpan.FromMilliseconds(5) }, false),
            ("charging, energised period 5 ms (default)", new EvseOptions { RcdSelfTestAtStart = false }, true),
            ("charging, energised period 10 ms", new EvseOptions { RcdSelfTestAtStart = false, EnergisedLoopPeriod = TimeSpan.FromMilliseconds(10) }, true),
        })
        {
            var (steps, cpu) = await CpuPercentAsync(options, charging);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {steps:0} | {cpu:0.000} |"));
        }

        if (iterations <= 0)
        {
            return 0; // "--evse-latency 0": the CPU table only
        }

        using var stop = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(1000);
            }
        })
        { IsBackground = true }).ToList();
        spinners.ForEach(t => t.Start());

        try
        {
            var configs = new (string Name, EvseOptions Options)[]
            {
                ("default (energised period 5 ms, withdrawal confirmed by a 2nd sample)", new EvseOptions { RcdSelfTestAtStart = false }),
                ("energised period 10 ms, confirmed", new EvseOptions { RcdSelfTestAtStart = false, EnergisedLoopPeriod = TimeSpan.FromMilliseconds(10) }),
                ("energised period 5 ms, first sample (no confirmation)", new EvseOptions
                {
                    RcdSelfTestAtStart = false,
                    ControlPilot = new CpStateMachineOptions { ConfirmWithdrawal = false },
                }),
            };

            Console.WriteLine();
            var stepCost = await StepCostMicrosecondsAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU cost of one loop step (sample, decide, switch; synchronous ports): {stepCost:0.0} µs"));
            Console.WriteLine();
            Console.WriteLine("| configuration | n | p50 ms | p90 ms | p99 ms | max ms | load avg (1 min) before → after |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var (name, options) in configs)
            {
                var before = LoadAverage();
                var ms = await MeasureAsync(options, iterations);
                ms.Sort();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {ms.Count} | {P(ms, 0.50):0.00} | {P(ms, 0.90):0.00} | {P(ms, 0.99):0.00} | {ms[^1]:0.00} | {before} → {LoadAverage()} |"));
            }
        }
        finally
        {
            await stop.CancelAsync();
            spinners.ForEach(t => t.Join());
        }

        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    // Process CPU time over a few seconds of RunAsync on the real clock; options null = no loop (the baseline).
    private static async Task<(double StepsPerSecond, double CpuPercent)> CpuPercentAsync(EvseOptions? options, bool charging)
    {
        var seconds = 8.0;
        var pilot = new BenchPilot { HighV = VoltsB };
        var contactor = new BenchContactor();
        await using var controller = options is null ? null : new EvseController(new EvseDevices(pilot, contactor), options, TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var loop = controller is null ? Task.CompletedTask : Task.Run(() => controller.RunAsync(cts.Token));
        if (charging && controller is not null)
        {
            controller.Authorize();
            pilot.HighV = VoltsC;
            WaitFor(contactor, () => contactor.IsClosed, "close");
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // tiered JIT settles
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var samples0 = pilot.Samples;
        var t0 = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var wall = Stopwatch.GetElapsedTime(t0);
        var cpu = process.TotalProcessorTime - cpu0;
        var steps = pilot.Samples - samples0;
        await cts.CancelAsync();
        await loop;
        return (steps / wall.TotalSeconds, 100.0 * cpu / wall);
    }

    private static async Task<double> StepCostMicrosecondsAsync()
    {
        // A charging EVSE (contactor closed, PWM on) stepped back to back: the work the loop does every period.
        var pilot = new BenchPilot { HighV = VoltsB };
        var contactor = new BenchContactor();
        await using var controller = new EvseController(new EvseDevices(pilot, contactor), new EvseOptions { RcdSelfTestAtStart = false }, TimeProvider.System);
        controller.Authorize();
        for (var i = 0; i < 200 && !contactor.IsClosed; i++)
        {
            pilot.HighV = i < 2 ? VoltsB : VoltsC;
            await controller.StepAsync(CancellationToken.None);
            Thread.Sleep(2);
        }

        const int steps = 200_000;
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < steps; i++)
            {
                await controller.StepAsync(CancellationToken.None);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / steps);
        }

        if (!contactor.IsClosed)
        {
            throw new InvalidOperationException("the EVSE was not charging during the step-cost measurement");
        }

        return best;
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static async Task<List<double>> MeasureAsync(EvseOptions options, int iterations)
    {
        var pilot = new BenchPilot { HighV = VoltsB };
        var contactor = new BenchContactor();
        await using var controller = new EvseController(new EvseDevices(pilot, contactor), options, TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var loop = Task.Run(() => controller.RunAsync(cts.Token));
        controller.Authorize();
        var random = new Random(1);
        var result = new List<double>(iterations);
        try
        {
            for (var i = 0; i < iterations; i++)
            {
                contactor.Switched.Reset();
                pilot.HighV = VoltsC;
                WaitFor(contactor, () => contactor.IsClosed, "close");
                contactor.OpenedAt = 0;

                // Let the change land anywhere within the loop period.
                Thread.Sleep(random.Next(1, 12));
                contactor.Switched.Reset();
                var changedAt = Stopwatch.GetTimestamp();
                pilot.HighV = VoltsB;
                WaitFor(contactor, () => Volatile.Read(ref contactor.OpenedAt) != 0, "open");
                result.Add(Stopwatch.GetElapsedTime(changedAt, Volatile.Read(ref contactor.OpenedAt)).TotalMilliseconds);
            }
        }
        finally
        {
            await cts.CancelAsync();
            await loop;
        }

        return result;
    }

    // Blocks (no spinning) so the measuring thread does not compete with the loop for the two cores; the latency is
    // taken from the timestamp the port recorded, not from this thread's wake-up.
    private static void WaitFor(BenchContactor contactor, Func<bool> condition, string what)
    {
        while (!condition())
        {
            if (!contactor.Switched.Wait(TimeSpan.FromSeconds(5)))
            {
                throw new TimeoutException("contactor did not " + what);
            }

            contactor.Switched.Reset();
        }
    }

    /// <summary>A CP front-end whose high plateau the bench thread sets; sampling returns the latest value at once.</summary>
    private sealed class BenchPilot : IControlPilot
    {
        private double _highV;
        private CpGeneratorOutput _output = CpGeneratorOutput.StateF;

        public double HighV
        {
            get => Volatile.Read(ref _highV);
            set => Volatile.Write(ref _highV, value);
        }

        public CpGeneratorOutput Output => _output;

        public void SetPwm(double dutyCyclePercent) => _output = new CpGeneratorOutput(CpGeneratorMode.Pwm, dutyCyclePercent);

        public void SetSteadyHigh() => _output = CpGeneratorOutput.SteadyHigh;

        public void SetStateF() => _output = CpGeneratorOutput.StateF;

        public long Samples;

        public ValueTask<CpSample> SampleAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Samples);
            var output = _output;
            var plateaus = output.Mode switch
            {
                CpGeneratorMode.StateF => new CpPlateaus(-12, -12),
                CpGeneratorMode.SteadyHigh => new CpPlateaus(HighV, HighV),
                _ => new CpPlateaus(HighV, -12),
            };
            return ValueTask.FromResult(new CpSample(plateaus, output, DateTimeOffset.UnixEpoch));
        }
    }

    /// <summary>A contactor port that timestamps the first Open after a Close.</summary>
    private sealed class BenchContactor : IContactor
    {
        public long OpenedAt;
        private volatile bool _closed;

        public ManualResetEventSlim Switched { get; } = new(false, spinCount: 1);

        public bool IsClosed => _closed;

        public bool SupportsPhaseSwitching => false;

        public bool HasFeedback => false;

        public void Close(PhaseSelection phases)
        {
            _closed = true;
            Switched.Set();
        }

        public void Open()
        {
            if (_closed)
            {
                _closed = false;
                Volatile.Write(ref OpenedAt, Stopwatch.GetTimestamp());
                Switched.Set();
            }
        }

        public ContactorStatus ReadStatus() => new(_closed, false, ContactorFeedback.NotAvailable, ContactorFeedback.NotAvailable);
    }
}
