using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;
using static ChargerController.Station.Tests.DisplayMessages.DisplayTestData;

namespace ChargerController.Station.Tests.DisplayMessages;

public sealed class SetDisplayMessageRulesTests
{
    private static readonly HashSet<string> NoTransactions = [];

    [Fact]
    public void Check_SupportedMessage_Accepted() =>
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, SetDisplayMessageRules.Check(Message(1), Capabilities(), NoTransactions).Status);

    [Fact]
    public void O01_FR_01_UnsupportedPriority_NotSupportedPriority()
    {
        var capabilities = Capabilities() with { Priorities = new HashSet<MessagePriorityEnumType> { MessagePriorityEnumType.NormalCycle } };
        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedPriority, SetDisplayMessageRules.Check(Message(1, MessagePriorityEnumType.InFront), capabilities, NoTransactions).Status);
    }

    [Fact]
    public void O01_FR_02_UnsupportedState_NotSupportedState() =>
        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedState, SetDisplayMessageRules.Check(Message(1) with { State = MessageStateEnumType.Discharging }, Capabilities(), NoTransactions).Status);

    [Fact]
    public void O01_FR_03_NoSupportedFormat_NotSupportedMessageFormat() =>
        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedMessageFormat, SetDisplayMessageRules.Check(Message(1, format: MessageFormatEnumType.QRCODE), Capabilities(), NoTransactions).Status);

    [Fact]
    public void Check_OneOfTheFormatsSupported_Accepted()
    {
        var message = Message(1, format: MessageFormatEnumType.HTML, language: "en") with { MessageExtra = [Content("de", "Hallo")] };
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, SetDisplayMessageRules.Check(message, Capabilities(), NoTransactions).Status);
    }

    [Theory]
    [InlineData("ja", DisplayMessageStatusEnumType.LanguageNotSupported)]
    [InlineData("de-AT", DisplayMessageStatusEnumType.Accepted)]
    [InlineData("EN", DisplayMessageStatusEnumType.Accepted)]
    public void O01_FR_18_LanguageOutsideValuesList_LanguageNotSupported(string language, DisplayMessageStatusEnumType expected)
    {
        var message = Message(1, language: "en") with { MessageExtra = [Content(language, "x")] };
        Assert.Equal(expected, SetDisplayMessageRules.Check(message, Capabilities(), NoTransactions).Status);
    }

    [Fact]
    public void O01_FR_19_NoLanguageVariable_MessageExtraRejected()
    {
        var capabilities = Capabilities() with { Languages = null };
        Assert.Equal(DisplayMessageStatusEnumType.Rejected, SetDisplayMessageRules.Check(Message(1) with { MessageExtra = [Content("de", "x")] }, capabilities, NoTransactions).Status);
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, SetDisplayMessageRules.Check(Message(2, language: "ja"), capabilities, NoTransactions).Status);
    }

    [Fact]
    public void O02_FR_01_UnknownTransaction_UnknownTransaction()
    {
        var message = Message(1) with { TransactionId = "tx-9" };
        Assert.Equal(DisplayMessageStatusEnumType.UnknownTransaction, SetDisplayMessageRules.Check(message, Capabilities(), NoTransactions).Status);
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, SetDisplayMessageRules.Check(message, Capabilities(), new HashSet<string> { "tx-9" }).Status);
    }

    [Fact]
    public void Check_UnknownDisplay_RejectedWithReason()
    {
        var (status, reason) = SetDisplayMessageRules.Check(Message(1) with { Display = new ComponentType { Name = "Rear" } }, Capabilities(), NoTransactions);
        Assert.Equal(DisplayMessageStatusEnumType.Rejected, status);
        Assert.Contains("Rear", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Disabled_Rejected() =>
        Assert.Equal(DisplayMessageStatusEnumType.Rejected, SetDisplayMessageRules.Check(Message(1), Capabilities() with { Enabled = false }, NoTransactions).Status);
}
