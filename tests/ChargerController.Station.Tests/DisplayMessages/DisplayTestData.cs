using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DisplayMessages;

namespace ChargerController.Station.Tests.DisplayMessages;

/// <summary>Messages and capabilities for the display unit tests.</summary>
internal static class DisplayTestData
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static DisplayCapabilities Capabilities(IReadOnlyList<string>? languages = null, string? defaultLanguage = "en") => new(
        true,
        3,
        new HashSet<MessageFormatEnumType> { MessageFormatEnumType.ASCII, MessageFormatEnumType.UTF8 },
        new HashSet<MessagePriorityEnumType> { MessagePriorityEnumType.AlwaysFront, MessagePriorityEnumType.InFront, MessagePriorityEnumType.NormalCycle },
        new HashSet<MessageStateEnumType> { MessageStateEnumType.Charging, MessageStateEnumType.Idle },
        languages ?? ["en", "de", "fr"],
        defaultLanguage);

    public static DisplayState Idle(params string[] transactions) => new(MessageStateEnumType.Idle, new HashSet<string>(transactions, StringComparer.Ordinal));

    public static MessageInfoType Message(int id, MessagePriorityEnumType priority = MessagePriorityEnumType.NormalCycle, string content = "Hi", MessageFormatEnumType format = MessageFormatEnumType.UTF8, string? language = null) => new()
    {
        Id = id,
        Priority = priority,
        Message = new MessageContentType { Format = format, Content = content, Language = language },
    };

    public static MessageContentType Content(string language, string content, MessageFormatEnumType format = MessageFormatEnumType.UTF8) =>
        new() { Format = format, Language = language, Content = content };
}
