namespace ChargerController.Hardware.Abstractions.Rfid;

/// <summary>One card presented to a reader (after debouncing of repeated reads).</summary>
/// <param name="Uid">The card's UID bytes as read, most significant first.</param>
/// <param name="Technology">The air interface.</param>
/// <param name="Timestamp">When it was read (station clock, from TimeProvider).</param>
public sealed record CardRead(IReadOnlyList<byte> Uid, CardTechnology Technology, DateTimeOffset Timestamp);
