using ChargerController.Hardware.Rfid;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class Rdm6300FrameDecoderTests
{
    private static readonly byte[] Tag = [0x1A, 0x00, 0xF2, 0x3A, 0x91];

    private static List<byte[]> Feed(Rdm6300FrameDecoder decoder, IEnumerable<byte> bytes) =>
        [.. bytes.Select(decoder.Push).OfType<byte[]>()];

    [Fact]
    public void WorkedExample_DecodesFiveBytes()
    {
        var frame = Convert.FromHexString("0231413030463233413931343303");
        Assert.Equal(frame, Rdm6300Frames.Build(Tag));
        var decoder = new Rdm6300FrameDecoder();
        Assert.Equal(Tag, Assert.Single(Feed(decoder, frame)));
        Assert.Equal(0, decoder.RejectedFrames);
    }

    [Fact]
    public void BadChecksum_IsDropped()
    {
        var decoder = new Rdm6300FrameDecoder();
        Assert.Empty(Feed(decoder, Rdm6300Frames.Build(Tag, breakChecksum: true)));
        Assert.Equal(1, decoder.RejectedFrames);
    }

    [Fact]
    public void NoiseAndCutFrames_AreSkipped_AndDecoderResynchronisesOnStx()
    {
        var frame = Rdm6300Frames.Build(Tag);
        byte[] stream = [0xFF, 0x41, 0x03, .. frame[..7], .. frame, 0x00, 0x0D, 0x0A, .. frame[..13], 0x04, .. frame];
        var decoder = new Rdm6300FrameDecoder();
        var reads = Feed(decoder, stream);
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(Tag, r));
        Assert.Equal(2, decoder.RejectedFrames);
    }

    [Fact]
    public void NonHexCharacter_RejectsFrame()
    {
        var frame = Rdm6300Frames.Build(Tag);
        frame[4] = (byte)'G';
        var decoder = new Rdm6300FrameDecoder();
        Assert.Empty(Feed(decoder, frame));
        Assert.Equal(1, decoder.RejectedFrames);
    }
}
