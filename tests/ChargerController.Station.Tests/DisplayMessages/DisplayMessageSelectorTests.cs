using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;
using static ChargerController.Station.Tests.DisplayMessages.DisplayTestData;

namespace ChargerController.Station.Tests.DisplayMessages;

public sealed class DisplayMessageSelectorTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromSeconds(5);

    [Fact]
    public void Select_NoMessages_Null() =>
        Assert.Null(DisplayMessageSelector.Select([], Now, Idle(), Capabilities(), [], Cycle));

    [Fact]
    public void Select_AlwaysFront_WinsOverEverything()
    {
        var messages = new[] { Message(1, MessagePriorityEnumType.InFront), Message(2, MessagePriorityEnumType.AlwaysFront), Message(3) };
        for (var t = 0; t < 30; t += 5)
        {
            Assert.Equal(2, DisplayMessageSelector.Select(messages, Now.AddSeconds(t), Idle(), Capabilities(), [], Cycle)!.Id);
        }
    }

    [Fact]
    public void Select_InFront_RotatesAndHidesNormalCycle()
    {
        var messages = new[] { Message(1, MessagePriorityEnumType.InFront), Message(2, MessagePriorityEnumType.InFront), Message(3) };
        var shown = Enumerable.Range(0, 4).Select(i => DisplayMessageSelector.Select(messages, Now + (Cycle * i), Idle(), Capabilities(), [], Cycle)!.Id).ToList();
        Assert.Equal(2, shown.Distinct().Count());
        Assert.DoesNotContain(3, shown);
        Assert.NotEqual(shown[0], shown[1]);
    }

    [Fact]
    public void Select_NormalCycle_EachMessageGetsATurn()
    {
        var messages = new[] { Message(1), Message(2), Message(3) };
        var shown = Enumerable.Range(0, 3).Select(i => DisplayMessageSelector.Select(messages, Now + (Cycle * i), Idle(), Capabilities(), [], Cycle)!.Id);
        Assert.Equal([1, 2, 3], shown.Order());
    }

    [Fact]
    public void Select_OutsideTimeWindowOrOtherState_NotShown()
    {
        var future = Message(1, MessagePriorityEnumType.AlwaysFront) with { StartDateTime = Now.AddSeconds(1) };
        var past = Message(2, MessagePriorityEnumType.AlwaysFront) with { EndDateTime = Now };
        var charging = Message(3, MessagePriorityEnumType.AlwaysFront) with { State = MessageStateEnumType.Charging };
        var otherTx = Message(4, MessagePriorityEnumType.AlwaysFront) with { TransactionId = "tx-2" };
        Assert.Equal(5, DisplayMessageSelector.Select([future, past, charging, otherTx, Message(5)], Now, Idle("tx-1"), Capabilities(), [], Cycle)!.Id);
        Assert.Equal(1, DisplayMessageSelector.Select([future, Message(5)], Now.AddSeconds(1), Idle(), Capabilities(), [], Cycle)!.Id);
    }

    [Fact]
    public void O01_FR_08_DriverLanguage_Preferred()
    {
        var message = Message(1, language: "en") with { MessageExtra = [Content("de-DE", "Hallo"), Content("fr", "Bonjour")] };
        var shown = DisplayMessageSelector.Select([message], Now, Idle(), Capabilities(), ["fr", "de"], Cycle)!;
        Assert.Equal(("fr", "Bonjour"), (shown.Language, shown.Content));
        Assert.Equal("Hallo", DisplayMessageSelector.Select([message], Now, Idle(), Capabilities(), ["de"], Cycle)!.Content);
    }

    [Fact]
    public void O01_FR_09_DriverLanguageMissing_EnglishFallback()
    {
        var message = Message(1, language: "de") with { MessageExtra = [Content("en-GB", "Hello")] };
        Assert.Equal("Hello", DisplayMessageSelector.Select([message], Now, Idle(), Capabilities(defaultLanguage: "de"), ["nl"], Cycle)!.Content);
    }

    [Fact]
    public void Select_NoDriver_StationDefaultLanguageFirst()
    {
        var message = Message(1, content: "Hello", language: "en") with { MessageExtra = [Content("de", "Hallo")] };
        Assert.Equal("Hallo", DisplayMessageSelector.Select([message], Now, Idle(), Capabilities(defaultLanguage: "de"), [], Cycle)!.Content);
    }

    [Fact]
    public void Select_UnsupportedFormatContent_Skipped()
    {
        var message = Message(1, format: MessageFormatEnumType.HTML, content: "<b>x</b>") with { MessageExtra = [Content("en", "x", MessageFormatEnumType.ASCII)] };
        var shown = DisplayMessageSelector.Select([message], Now, Idle(), Capabilities(), [], Cycle)!;
        Assert.Equal((MessageFormatEnumType.ASCII, "x"), (shown.Format, shown.Content));
    }
}
