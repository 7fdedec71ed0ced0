using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargerController.Worker.Memory;

/// <summary>
/// Once start-up has settled, gives back the memory only start-up needed (issue 9's resident-memory target;
/// docs/PERFORMANCE.md, "chargerd memory (session 5)"):
/// <list type="number">
/// <item>one compacting, aggressive collection: start-up (DI, configuration, migrations, JSON metadata, the constraint
/// model) allocates far more than steady state keeps, and only an aggressive collection decommits the emptied GC regions;</item>
/// <item>the clean, read-only pages of chargerd's own executable (code and read-only data that only start-up ran or
/// read) are given back: <c>madvise(MADV_RANDOM)</c> and <c>madvise(MADV_PAGEOUT)</c> on each such mapping, then
/// <c>posix_fadvise(POSIX_FADV_DONTNEED)</c> on the file, so the pages leave the page cache too and only the ones that
/// run again come back, one page at a time (no read-ahead, and fault-around finds no cached neighbours to map). The
/// build orders the methods that run while charging together (<c>Memory/chargerd.order</c>), so those few pages are
/// contiguous.</item>
/// </list>
/// Either step failing is logged and ignored: chargerd runs the same without it.
/// </summary>
/// <param name="time">The clock the settle delay runs on.</param>
/// <param name="loggerFactory">Creates the logger of the one summary line.</param>
/// <param name="anyContactorClosed">
/// Whether an EVSE is energised right now: the aggressive collection stops every managed thread, the EVSE loops
/// included, for tens of milliseconds (57.8 ms measured on a loaded x86-64; IEC 61851-1 Table A.6 allows 100 ms to
/// open the contactor), so it is skipped then. The pages are then only unmapped (<c>MADV_DONTNEED</c>) and stay in the
/// page cache: a page evicted from it comes back by a read from the SD card (a major fault, about a millisecond each),
/// and an EVSE loop driving a charging vehicle should not wait for the card; unmapped, it costs a minor fault.
/// </param>
internal sealed partial class StartupMemoryTrimService(TimeProvider time, ILoggerFactory loggerFactory, Func<bool> anyContactorClosed) : BackgroundService
{
    private readonly ILogger logger = loggerFactory.CreateLogger<StartupMemoryTrimService>();

    /// <summary>
    /// Long enough for the start-up work (host, EVSE loops, storage, the first connection attempt and BootNotification)
    /// to be over, short enough that a field technician checking <c>systemctl status</c> sees the settled figure.
    /// </summary>
    internal static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(30);

    private const string SelfStatus = "/proc/self/status";
    private const string SelfSmaps = "/proc/self/smaps";
    private const string SelfExe = "/proc/self/exe";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            await Task.Delay(SettleDelay, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var before = ReadResident();
        var pausedBefore = GC.GetTotalPauseDuration();
        var idle = !anyContactorClosed();
        if (idle)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var pause = GC.GetTotalPauseDuration() - pausedBefore;
        var (dropped, failures) = DropCleanExecutablePages(evict: idle);
        var after = ReadResident();
        LogTrimmed(logger, before.VmRssKib, after.VmRssKib, after.RssAnonKib, after.RssFileKib, dropped, idle ? "paged out" : "unmapped only", failures, idle ? "GC pause" : "no collection, an EVSE is energised; GC pause", pause.TotalMilliseconds);
    }

    private (int Dropped, int Failures) DropCleanExecutablePages(bool evict)
    {
        try
        {
            var executable = new FileInfo(SelfExe).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (executable is null)
            {
                return (0, 0);
            }

            int dropped = 0, failures = 0;
            foreach (var mapping in ReadOnlyFileMappings.Select(File.ReadAllText(SelfSmaps), executable))
            {
                var errno = evict ? MemoryAdvice.PageOut(mapping) : MemoryAdvice.DontNeedPages(mapping);

                if (errno == 0)
                {
                    dropped++;
                }
                else
                {
                    failures++;
                    LogAdviceFailed(logger, mapping.Start, mapping.Length, errno);
                }
            }

            if (evict && dropped > 0)
            {
                using var file = File.OpenHandle(executable);
                var error = MemoryAdvice.DropFromPageCache(file);
                if (error != 0)
                {
                    failures++;
                    LogCacheDropFailed(logger, error);
                }
            }

            return (dropped, failures);
        }
        catch (IOException ex)
        {
            LogSmapsUnreadable(logger, ex.Message);
            return (0, 0);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogSmapsUnreadable(logger, ex.Message);
            return (0, 0);
        }
    }

    private static ResidentMemory ReadResident()
    {
        try
        {
            return ResidentMemory.Parse(File.ReadAllText(SelfStatus));
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Start-up memory trimmed: VmRSS {BeforeKib} -> {AfterKib} KiB (RssAnon {AnonKib} KiB, RssFile {FileKib} KiB; {Dropped} executable mappings dropped ({How}), {Failures} refused; {Collection} {PauseMs:F1} ms)")]
    private static partial void LogTrimmed(ILogger logger, long beforeKib, long afterKib, long anonKib, long fileKib, int dropped, string how, int failures, string collection, double pauseMs);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Debug, Message = "madvise refused for {Start:x} (+{Length} bytes): errno {Errno}")]
    private static partial void LogAdviceFailed(ILogger logger, ulong start, ulong length, int errno);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Debug, Message = "posix_fadvise(POSIX_FADV_DONTNEED) on the executable refused: error {Error}")]
    private static partial void LogCacheDropFailed(ILogger logger, int error);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Debug, Message = "Start-up memory trim skipped the executable pages: {Reason}")]
    private static partial void LogSmapsUnreadable(ILogger logger, string reason);
}
