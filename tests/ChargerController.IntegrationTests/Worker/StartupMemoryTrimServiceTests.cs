using ChargerController.Testing.Logging;
using ChargerController.Worker.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.IntegrationTests.Worker;

public sealed class StartupMemoryTrimServiceTests
{
    private const int TrimmedEventId = 9301;

    [Fact]
    public async Task ExecuteAsync_BeforeTheSettleDelay_DoesNotTrim()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var service = new StartupMemoryTrimService(time, new SingleLoggerFactory(logger), () => false);

        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(StartupMemoryTrimService.SettleDelay - TimeSpan.FromSeconds(1));
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(logger.Has(TrimmedEventId));
    }

    [Fact]
    public async Task ExecuteAsync_AfterTheSettleDelay_TrimsOnceAndReportsTheExecutableMappingsDropped()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var service = new StartupMemoryTrimService(time, new SingleLoggerFactory(logger), () => false);
        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // The service registers its delay on its own schedule: advancing again until it has trimmed is harmless
        // (it trims once), and the real-time bound only guards against a hang.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!logger.Has(TrimmedEventId))
        {
            time.Advance(StartupMemoryTrimService.SettleDelay);
            await Task.Delay(20, guard.Token);
        }

        time.Advance(StartupMemoryTrimService.SettleDelay * 10);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var trimmed = Assert.Single(logger.Entries, e => e.EventId == TrimmedEventId);
        Assert.Matches(@"VmRSS \d+ -> \d+ KiB \(RssAnon \d+ KiB, RssFile \d+ KiB; [1-9]\d* executable mappings dropped \(paged out\), 0 refused; GC pause \d+\.\d ms\)", trimmed.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ContactorClosed_DropsThePagesButSkipsTheCollection()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        using var service = new StartupMemoryTrimService(time, new SingleLoggerFactory(logger), () => true);
        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!logger.Has(TrimmedEventId))
        {
            time.Advance(StartupMemoryTrimService.SettleDelay);
            await Task.Delay(20, guard.Token);
        }

        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var trimmed = Assert.Single(logger.Entries, e => e.EventId == TrimmedEventId);
        Assert.Matches(@"[1-9]\d* executable mappings dropped \(unmapped only\), 0 refused; no collection, an EVSE is energised; GC pause \d+\.\d ms\)", trimmed.Message);
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
