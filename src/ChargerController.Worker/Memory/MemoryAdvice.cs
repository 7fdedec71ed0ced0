using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ChargerController.Worker.Memory;

/// <summary>
/// <c>madvise(2)</c> and <c>posix_fadvise(2)</c>, source-generated so they work under Native AOT without runtime
/// marshalling code. The advice values are the same on every Linux architecture chargerd ships for (x86-64, arm64;
/// asm-generic/mman-common.h and fadvise.h).
/// </summary>
internal static partial class MemoryAdvice
{
    private const int Random = 1;
    private const int DontNeed = 4;
    private const int PageOutAdvice = 21;
    private const int FadviseDontNeed = 4;
    private const int InvalidArgument = 22;

    /// <summary>
    /// Drops the pages of <paramref name="mapping"/> from this process. On a private file mapping that was never written
    /// the next touch maps the page again from the page cache (or the file): the content cannot change.
    /// </summary>
    /// <returns>0, or the <c>errno</c> of the failure.</returns>
    public static int DontNeedPages(FileMapping mapping) =>
        Madvise((nint)mapping.Start, (nuint)mapping.Length, DontNeed) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// Marks <paramref name="mapping"/> as randomly accessed (<c>MADV_RANDOM</c>: a later fault reads the one page it
    /// needs instead of reading ahead, so only pages that run come back) and reclaims its pages (<c>MADV_PAGEOUT</c>,
    /// Linux 5.4+): unmapped, and freed once no other process maps them. A page touched again is read back from the
    /// file, so a clean, never-written mapping keeps its content. Falls back to <see cref="DontNeedPages"/> on a kernel
    /// that does not know <c>MADV_PAGEOUT</c>.
    /// </summary>
    /// <returns>0, or the <c>errno</c> of the failure.</returns>
    public static int PageOut(FileMapping mapping)
    {
        if (Madvise((nint)mapping.Start, (nuint)mapping.Length, Random) != 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        if (Madvise((nint)mapping.Start, (nuint)mapping.Length, PageOutAdvice) == 0)
        {
            return 0;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == InvalidArgument ? DontNeedPages(mapping) : errno;
    }

    /// <summary>
    /// Drops the pages of <paramref name="file"/> that no process maps from the page cache
    /// (<c>POSIX_FADV_DONTNEED</c>): what <see cref="PageOut"/> could not free because the page cache still held it.
    /// </summary>
    /// <returns>0, or the error number (posix_fadvise returns it instead of setting <c>errno</c>).</returns>
    public static int DropFromPageCache(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Fadvise(file, 0, 0, FadviseDontNeed);
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Fadvise(SafeFileHandle fd, long offset, long length, int advice);
}
