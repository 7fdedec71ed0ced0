using System.Runtime.InteropServices;

namespace ChargerController.Worker.Memory;

/// <summary><c>madvise(2)</c>, source-generated so it works under Native AOT without runtime marshalling code.</summary>
internal static partial class MemoryAdvice
{
    // MADV_DONTNEED is 4 on every Linux architecture chargerd ships for (x86-64, arm64; asm-generic/mman-common.h).
    private const int DontNeed = 4;

    /// <summary>
    /// Drops the pages of <paramref name="mapping"/> from this process. On a private file mapping that was never written
    /// the next touch maps the page again from the page cache (or the file): the content cannot change.
    /// </summary>
    /// <returns>0, or the <c>errno</c> of the failure.</returns>
    public static int DontNeedPages(FileMapping mapping) =>
        Madvise((nint)mapping.Start, (nuint)mapping.Length, DontNeed) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
