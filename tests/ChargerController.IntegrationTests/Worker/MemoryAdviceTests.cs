using System.Runtime.InteropServices;
using ChargerController.Worker.Memory;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// madvise(MADV_DONTNEED, MADV_PAGEOUT) and posix_fadvise on the test host's own executable, the way chargerd applies it to itself: the kernel accepts
/// it, and the pages read afterwards are the file's bytes.
/// </summary>
public sealed class MemoryAdviceTests
{
    [Fact]
    public void DontNeedPages_CleanReadOnlyMappingOfThisProcess_AcceptedAndContentStaysTheFile()
    {
        var executable = new FileInfo("/proc/self/exe").ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        var mappings = ReadOnlyFileMappings.Select(File.ReadAllText("/proc/self/smaps"), executable);
        Assert.NotEmpty(mappings);

        // The first read-only mapping starts at file offset 0 (the ELF header and what follows it).
        var first = mappings.MinBy(m => m.Start);
        var length = (int)Math.Min(first.Length, 4096);
        var before = new byte[length];
        Marshal.Copy((nint)first.Start, before, 0, length);

        foreach (var mapping in mappings)
        {
            Assert.Equal(0, MemoryAdvice.DontNeedPages(mapping));
        }

        var after = new byte[length];
        Marshal.Copy((nint)first.Start, after, 0, length);
        var file = new byte[length];
        using (var stream = File.OpenRead(executable))
        {
            stream.ReadExactly(file);
        }

        Assert.Equal(before, after);
        Assert.Equal(file, after);
    }

    [Fact]
    public void PageOut_ThenDropFromPageCache_AcceptedAndContentIsReadBackFromTheFile()
    {
        var executable = new FileInfo("/proc/self/exe").ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        var mappings = ReadOnlyFileMappings.Select(File.ReadAllText("/proc/self/smaps"), executable);
        Assert.NotEmpty(mappings);

        foreach (var mapping in mappings)
        {
            Assert.Equal(0, MemoryAdvice.PageOut(mapping));
        }

        using (var handle = File.OpenHandle(executable))
        {
            Assert.Equal(0, MemoryAdvice.DropFromPageCache(handle));
        }

        // Every byte of every dropped mapping reads back as the file's byte at that offset (a page at a time, so
        // each page really faults back in).
        var smaps = File.ReadAllText("/proc/self/smaps");
        using var stream = File.OpenRead(executable);
        foreach (var mapping in mappings)
        {
            var offset = FileOffsetOf(smaps, mapping);
            var length = (int)Math.Min(mapping.Length, 64 * 4096);
            var memory = new byte[length];
            Marshal.Copy((nint)mapping.Start, memory, 0, length);
            var file = new byte[length];
            stream.Position = offset;
            stream.ReadExactly(file);
            Assert.Equal(file, memory);
        }
    }

    // Header: "start-end perms offset dev inode path"; the offset is the mapping's position in the file.
    private static long FileOffsetOf(string smaps, FileMapping mapping)
    {
        var prefix = $"{mapping.Start:x}-";
        var header = smaps.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return Convert.ToInt64(header.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], 16);
    }
}
