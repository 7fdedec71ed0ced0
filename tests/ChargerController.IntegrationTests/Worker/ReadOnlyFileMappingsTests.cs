using ChargerController.Worker.Memory;

namespace ChargerController.IntegrationTests.Worker;

public sealed class ReadOnlyFileMappingsTests
{
    // Shaped like chargerd's own smaps (trimmed to the fields that matter): the ELF headers and read-only data, the
    // code, the RELRO pages (read-only after relocation, dirty), .data (writable) and the anonymous .bss/.hydrated
    // continuation, plus a library and a read-only mapping of chargerd with a copied page (a debugger breakpoint).
    private const string Smaps = """
        55a2562dc000-55a256a9c000 r--p 00000000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:               7936 kB
        Rss:                5244 kB
        Private_Dirty:         0 kB
        Anonymous:             0 kB
        55a256d9c000-55a257913000 r-xp 00abf000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:              11740 kB
        Rss:                9456 kB
        Private_Dirty:         0 kB
        Anonymous:             0 kB
        55a257913000-55a257915000 r--p 01635000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:                  8 kB
        Rss:                   8 kB
        Private_Dirty:         8 kB
        Anonymous:             8 kB
        55a257915000-55a257969000 rw-p 01636000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:                336 kB
        Rss:                 336 kB
        Private_Dirty:       132 kB
        Anonymous:           132 kB
        55a257969000-55a258156000 rw-p 00000000 00:00 0
        Size:               8116 kB
        Rss:                8012 kB
        Private_Dirty:      8012 kB
        Anonymous:          8012 kB
        55a258156000-55a258158000 r-xp 00000000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:                  8 kB
        Rss:                   8 kB
        Private_Dirty:         0 kB
        Anonymous:             4 kB
        7f40fce22000-7f40fce84000 r-xp 00000000 fe:00 4711                       /usr/lib/x86_64-linux-gnu/libc.so.6
        Size:                392 kB
        Rss:                 392 kB
        Private_Dirty:         0 kB
        Anonymous:             0 kB
        7f40fce90000-7f40fce92000 r--s 00000000 fe:00 12181583                   /opt/cc/releases/0.1.0/chargerd
        Size:                  8 kB
        Rss:                   8 kB
        Private_Dirty:         0 kB
        Anonymous:             0 kB
        """;

    [Fact]
    public void Select_ChargerdSmaps_OnlyTheCleanReadOnlyPrivateMappingsOfTheExecutable()
    {
        var selected = ReadOnlyFileMappings.Select(Smaps, "/opt/cc/releases/0.1.0/chargerd");

        Assert.Equal(
            [new FileMapping(0x55a2562dc000, 0x7c0000), new FileMapping(0x55a256d9c000, 0xb77000)],
            selected);
    }

    [Fact]
    public void Select_PathThatIsOnlyASuffixOfAMappedFile_SelectsNothing()
    {
        Assert.Empty(ReadOnlyFileMappings.Select(Smaps, "/releases/0.1.0/chargerd2"));
        Assert.Empty(ReadOnlyFileMappings.Select(Smaps, "/x/chargerd"));
    }

    [Fact]
    public void Select_UnreadableDirtyField_TreatsTheMappingAsDirty()
    {
        const string smaps = """
            00400000-00500000 r--p 00000000 fe:00 1                                  /usr/bin/chargerd
            Private_Dirty:       ? kB
            """;

        Assert.Empty(ReadOnlyFileMappings.Select(smaps, "/usr/bin/chargerd"));
    }

    [Fact]
    public void Parse_ProcStatus_ReadsVmRssRssAnonAndRssFile()
    {
        const string status = """
            Name:	chargerd
            VmHWM:	   45860 kB
            VmRSS:	   38436 kB
            RssAnon:	   16952 kB
            RssFile:	   21484 kB
            RssShmem:	       0 kB
            """;

        Assert.Equal(new ResidentMemory(38436, 16952, 21484), ResidentMemory.Parse(status));
    }
}
