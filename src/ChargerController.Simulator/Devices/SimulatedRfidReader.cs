using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChargerController.Hardware.Abstractions.Rfid;

namespace ChargerController.Simulator.Devices;

/// <summary>An RFID reader that yields the cards a scenario taps with <c>Tap</c>, in order, timestamped by the injected clock.</summary>
public sealed class SimulatedRfidReader : IRfidReader
{
    private readonly TimeProvider timeProvider;
    private readonly Channel<CardRead> reads = Channel.CreateUnbounded<CardRead>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Creates the reader.</summary>
    /// <param name="timeProvider">Clock for the read timestamps.</param>
    public SimulatedRfidReader(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
    }

    /// <summary>Presents a card.</summary>
    /// <param name="uid">The UID bytes, most significant first (4, 7 or 10 for ISO 14443 A, 8 for ISO 15693, 5 for EM4100).</param>
    /// <param name="technology">The air interface.</param>
    /// <returns>The read that will be yielded.</returns>
    /// <exception cref="ArgumentException">The UID length does not fit the technology.</exception>
    public CardRead Tap(IReadOnlyList<byte> uid, CardTechnology technology = CardTechnology.Iso14443A)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var valid = technology switch
        {
            CardTechnology.Iso14443A => uid.Count is 4 or 7 or 10,
            CardTechnology.Iso15693 => uid.Count == 8,
            CardTechnology.Em4100 => uid.Count == 5,
            _ => false,
        };
        if (!valid)
        {
            throw new ArgumentException($"A {technology} card has no {uid.Count}-byte UID.", nameof(uid));
        }

        var read = new CardRead([.. uid], technology, timeProvider.GetUtcNow());
        reads.Writer.TryWrite(read);
        return read;
    }

    /// <summary>Presents an ISO 14443 A card given as hex (e.g. <c>"04A1B2C3D4E5F6"</c>).</summary>
    /// <param name="hexUid">The UID in hex, most significant byte first.</param>
    /// <returns>The read that will be yielded.</returns>
    /// <exception cref="FormatException">Not hex.</exception>
    public CardRead Tap(string hexUid)
    {
        ArgumentNullException.ThrowIfNull(hexUid);
        return Tap(Convert.FromHexString(hexUid));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CardRead> ReadCardsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reads.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reads.Reader.TryRead(out var read))
            {
                yield return read;
            }
        }
    }
}
