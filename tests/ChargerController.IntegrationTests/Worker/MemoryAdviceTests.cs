using System.Runtime.InteropServices;
using ChargerController.Worker.Memory;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>
/// madvise(MADV_DONTNEED) on the test host's own executable, the way chargerd applies it to itself: the kernel accepts
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
}
