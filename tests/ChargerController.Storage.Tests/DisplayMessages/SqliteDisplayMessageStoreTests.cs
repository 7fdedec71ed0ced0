using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Storage.DisplayMessages;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.DisplayMessages;

/// <summary>Display messages in the real SQLite file: round trip of every field, replace, remove, survival across a reopen.</summary>
public sealed class SqliteDisplayMessageStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-display-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Save_ThenReopen_EveryFieldRestored()
    {
        var full = new MessageInfoType
        {
            Id = 7,
            Priority = MessagePriorityEnumType.InFront,
            State = MessageStateEnumType.Charging,
            StartDateTime = Start,
            EndDateTime = Start.AddHours(2),
            TransactionId = "tx-1",
            Display = new ComponentType { Name = "Display" },
            Message = new MessageContentType { Format = MessageFormatEnumType.UTF8, Language = "en", Content = "Héllo ⚡" },
            MessageExtra = [new MessageContentType { Format = MessageFormatEnumType.ASCII, Language = "de", Content = "Hallo" }],
        };
        new SqliteDisplayMessageStore(new StationDatabase(DbPath)).Save(full);

        SqliteConnection.ClearAllPools();
        var loaded = Assert.Single(new SqliteDisplayMessageStore(new StationDatabase(DbPath)).LoadAll());
        Assert.Equal((7, MessagePriorityEnumType.InFront, MessageStateEnumType.Charging, "tx-1"), (loaded.Id, loaded.Priority, loaded.State, loaded.TransactionId));
        Assert.Equal((Start, Start.AddHours(2)), (loaded.StartDateTime!.Value, loaded.EndDateTime!.Value));
        Assert.Equal("Display", loaded.Display!.Name);
        Assert.Equal(full.Message, loaded.Message);
        Assert.Equal(full.MessageExtra[0], Assert.Single(loaded.MessageExtra!));
    }

    [Fact]
    public void Save_SameId_Replaces_Remove_OnlyKnown()
    {
        var store = new SqliteDisplayMessageStore(new StationDatabase(DbPath));
        store.Save(Message(1, "a"));
        store.Save(Message(2, "b"));
        store.Save(Message(1, "c"));
        store.Remove([2, 99]);

        SqliteConnection.ClearAllPools();
        var only = Assert.Single(new SqliteDisplayMessageStore(new StationDatabase(DbPath)).LoadAll());
        Assert.Equal((1, "c"), (only.Id, only.Message.Content));
    }

    [Fact]
    public void LoadAll_DamagedRow_Skipped()
    {
        var store = new SqliteDisplayMessageStore(new StationDatabase(DbPath));
        store.Save(Message(1, "ok"));
        using (var connection = new StationDatabase(DbPath).Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO display_message (id, priority, message_json) VALUES (2, 'NormalCycle', '{not json')";
            command.ExecuteNonQuery();
        }

        Assert.Equal([1], store.LoadAll().Select(m => m.Id));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static MessageInfoType Message(int id, string content) => new()
    {
        Id = id,
        Priority = MessagePriorityEnumType.NormalCycle,
        Message = new MessageContentType { Format = MessageFormatEnumType.UTF8, Content = content },
    };
}
