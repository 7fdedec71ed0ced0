using System.Text;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>Garbage in never kills the connection; answers follow Part 4 §4.2.3 (CALLERROR, "-1" for unreadable ids).</summary>
public sealed class OcppConnectionMalformedFrameTests
{
    [Theory]
    [InlineData("hello", "-1", "RpcFrameworkError")]
    [InlineData("{\"a\":1}", "-1", "RpcFrameworkError")]
    [InlineData("[]", "-1", "RpcFrameworkError")]
    [InlineData("[\"2\",\"x\",\"Heartbeat\",{}]", "-1", "RpcFrameworkError")]
    [InlineData("[2,17,\"Heartbeat\",{}]", "-1", "RpcFrameworkError")]
    [InlineData("[2,\"m1\",\"Heartbeat\",{\"unterminated\":]", "m1", "FormatViolation")]
    [InlineData("[2,\"m2\",\"Heartbeat\"]", "m2", "FormatViolation")]
    [InlineData("[2,\"m3\",\"Heartbeat\",[]]", "m3", "FormatViolation")]
    [InlineData("[2,\"m4\",\"Heartbeat\",{},{}]", "m4", "RpcFrameworkError")]
    [InlineData("[2,\"m5\",42,{}]", "m5", "RpcFrameworkError")]
    [InlineData("[2,\"m6\",\"Heartbeat\",{}] trailing", "m6", "FormatViolation")]
    [InlineData("[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]", "0123456789012345678901234567890123456", "RpcFrameworkError")]
    public async Task MalformedCall_AnsweredWithPrescribedCallError(string frame, string expectedId, string expectedCode)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.PeerSendAsync(frame);

        var answer = await h.NextFrameAsync();
        Assert.Equal(4, answer[0].GetInt32());
        Assert.Equal(expectedId, answer[1].GetString());
        Assert.Equal(expectedCode, answer[2].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, answer[4].ValueKind);
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public async Task InvalidUtf8_AnsweredWithFormatViolationForReadableId()
    {
        await using var h = await EngineHarness.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("[2,\"u8\",\"DataTransfer\",{\"vendorId\":\"X\"}]");
        bytes[^5] = 0xC3; // a lead byte followed by an ASCII quote: not UTF-8
        await h.PeerSendBytesAsync(bytes);

        var answer = await h.NextFrameAsync();
        Assert.Equal("u8", answer[1].GetString());
        Assert.Equal("FormatViolation", answer[2].GetString());
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public async Task HugeFrame_AnsweredWithFormatViolation_ConnectionSurvives()
    {
        await using var h = await EngineHarness.StartAsync(maxFrameBytes: 4096);
        var huge = "[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"X\",\"data\":\"" + new string('a', 10_000) + "\"}]";
        await h.PeerSendAsync(huge);

        var answer = await h.NextFrameAsync();
        Assert.Equal("big-1", answer[1].GetString());
        Assert.Equal("FormatViolation", answer[2].GetString());
        await h.AssertNothingSentThenAliveAsync();
    }

    [Theory]
    [InlineData("[7,\"f1\",\"Future\",{}]")]
    [InlineData("[0,\"f2\"]")]
    [InlineData("[99]")]
    public async Task UnknownMessageType_On21_Ignored(string frame)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.PeerSendAsync(frame);
        await h.AssertNothingSentThenAliveAsync();
        Assert.True(h.Log.Has(1003));
    }

    [Theory]
    [InlineData("[7,\"f1\",\"Future\",{}]", "f1")]
    [InlineData("[6,\"f3\",\"NotifyPeriodicEventStream\",{}]", "f3")]
    public async Task UnknownMessageType_On201_MessageTypeNotSupported(string frame, string id)
    {
        await using var h = await EngineHarness.StartAsync(OcppVersion.V201);
        await h.PeerSendAsync(frame);
        var answer = await h.NextFrameAsync();
        Assert.Equal(id, answer[1].GetString());
        Assert.Equal("MessageTypeNotSupported", answer[2].GetString());
    }

    [Theory]
    [InlineData("[3,\"nobody\",{\"x\":]")]
    [InlineData("[4,\"nobody\",17]")]
    [InlineData("[6,\"s\",\"NotifyPeriodicEventStream\",\"not an object\"]")]
    [InlineData("[5,\"r\",\"FormatViolation\",\"\",{}]")]
    public async Task MalformedOrUnmatchedAnswersAndSends_NeverAnswered(string frame)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.PeerSendAsync(frame);
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public async Task MalformedCallResultForPendingCall_CallResultErrorAndCallFails()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallRawAsync("Heartbeat", "{}"u8.ToArray(), "pending-1", CancellationToken.None);
        await h.NextFrameAsync();
        await h.PeerSendAsync("[3,\"pending-1\",{\"currentTime\":}");

        await Assert.ThrowsAsync<Ocpp.Engine.OcppInvalidResponseException>(() => call.WaitAsync(EngineHarness.Wait));
        var answer = await h.NextFrameAsync();
        Assert.Equal(5, answer[0].GetInt32());
        Assert.Equal("pending-1", answer[1].GetString());
        Assert.Equal("FormatViolation", answer[2].GetString());
    }
}
