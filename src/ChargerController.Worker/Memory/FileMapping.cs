namespace ChargerController.Worker.Memory;

/// <summary>One mapping of a file into this process: its start address and length in bytes.</summary>
internal readonly record struct FileMapping(ulong Start, ulong Length);
