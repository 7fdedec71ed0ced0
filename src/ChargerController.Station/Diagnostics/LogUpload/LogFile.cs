namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>An assembled log file, ready for upload (the format is not prescribed, N01).</summary>
/// <param name="Content">The bytes.</param>
public sealed record LogFile(ReadOnlyMemory<byte> Content);
