using ChargerController.Hardware.Rfid;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class Pn532FramesTests
{
    [Theory]
    [InlineData(0x02, "", "0000FF02FED4022A00")]
    [InlineData(0x14, "011401", "0000FF05FBD4140114010200")]
    [InlineData(0x32, "05FF0105", "0000FF06FAD43205FF0105F000")]
    [InlineData(0x4A, "0100", "0000FF04FCD44A0100E100")]
    [InlineData(0x52, "00", "0000FF03FDD45200DA00")]
    public void BuildCommand_MatchesKnownFrames(byte command, string parameters, string expected)
    {
        Assert.StartsWith(expected, Convert.ToHexString(Pn532Frames.BuildCommand(command, Convert.FromHexString(parameters))), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InListPassiveTargetAnswer_GivesPayload()
    {
        var bytes = Convert.FromHexString("0000FF0CF4D54B01010004080404A21B5CB100");
        Assert.True(Pn532Frames.TryParse(bytes, out var frame, out var consumed));
        Assert.Equal(Pn532FrameKind.Response, frame!.Kind);
        Assert.Equal("4B01010004080404A21B5C", Convert.ToHexString(frame.Payload));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void TryParse_AckNackAndErrorFrames()
    {
        Assert.True(Pn532Frames.TryParse(Pn532Frames.Ack, out var ack, out _));
        Assert.Equal(Pn532FrameKind.Ack, ack!.Kind);
        Assert.True(Pn532Frames.TryParse(Pn532Frames.Nack, out var nack, out _));
        Assert.Equal(Pn532FrameKind.Nack, nack!.Kind);
        Assert.True(Pn532Frames.TryParse(Convert.FromHexString("0000FF01FF7F8100"), out var error, out _));
        Assert.Equal(Pn532FrameKind.ApplicationError, error!.Kind);
    }

    [Fact]
    public void TryParse_BadChecksums_AreCorrupt()
    {
        Assert.True(Pn532Frames.TryParse(Convert.FromHexString("0000FF0CF5D54B00"), out var badLcs, out _));
        Assert.Equal(Pn532FrameKind.Corrupt, badLcs!.Kind);
        Assert.True(Pn532Frames.TryParse(Convert.FromHexString("0000FF03FDD54B00DF00"), out var badDcs, out _));
        Assert.Equal(Pn532FrameKind.Corrupt, badDcs!.Kind);
    }

    [Fact]
    public void TryParse_PartialFrame_WaitsForMore_AndNoiseBeforeIsSkipped()
    {
        var frame = Convert.FromHexString("0000FF03FDD54B00E000");
        Assert.False(Pn532Frames.TryParse(frame.AsSpan(0, 6), out _, out var consumed));
        Assert.Equal(1, consumed);
        byte[] noisy = [0x55, 0x13, .. frame];
        Assert.True(Pn532Frames.TryParse(noisy, out var parsed, out var used));
        Assert.Equal(Pn532FrameKind.Response, parsed!.Kind);
        Assert.Equal(noisy.Length, used);
    }
}
