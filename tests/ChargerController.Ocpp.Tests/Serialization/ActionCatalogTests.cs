using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Tests.Generator;

namespace ChargerController.Ocpp.Tests.Serialization;

public sealed class ActionCatalogTests
{
    [Fact]
    public void Catalogue_Has91Actions_27NewIn21_OneSend()
    {
        Assert.Equal(91, ActionCatalog.All.Count);
        Assert.Equal(27, ActionCatalog.All.Count(a => !a.ExistsInOcpp201));
        Assert.Equal(["NotifyPeriodicEventStream"], ActionCatalog.All.Where(a => a.IsSend).Select(a => a.Name));
        Assert.Equal(ActionCatalog.All.Select(a => a.Name).Order(StringComparer.Ordinal), ActionCatalog.All.Select(a => a.Name));
    }

    [Fact]
    public void Catalogue_PresenceIn201_MatchesTheCommitted201SchemaFiles()
    {
        foreach (var action in ActionCatalog.All)
        {
            var file = Path.Combine(RepositoryPaths.Schemas201, action.Name + "Request.json");
            Assert.Equal(File.Exists(file), action.ExistsInOcpp201);
            Assert.Equal(action.ExistsInOcpp201, action.ExistsIn(OcppVersion.V201));
            Assert.True(action.ExistsIn(OcppVersion.V21));
        }
    }

    [Fact]
    public void BootNotification_Entry_KnowsTypesBlockDirectionAndMetadata()
    {
        Assert.True(ActionCatalog.TryGet("BootNotification", out var boot));
        Assert.Equal(FunctionalBlock.Provisioning, boot.Block);
        Assert.Equal(RequestSender.ChargingStation, boot.RequestSender);
        Assert.Equal(typeof(BootNotificationRequest), boot.RequestType);
        Assert.Equal(typeof(BootNotificationResponse), boot.ResponseType);
        Assert.Same(OcppJsonContext.Default.BootNotificationRequest, boot.RequestTypeInfo);
        Assert.True(ActionCatalog.TryGetByPayloadType(typeof(BootNotificationResponse), out var byType));
        Assert.Same(boot, byType);
    }

    [Fact]
    public void SendAction_HasNoResponse()
    {
        Assert.True(ActionCatalog.TryGet("NotifyPeriodicEventStream", out var send));
        Assert.True(send.IsSend);
        Assert.Equal(typeof(NotifyPeriodicEventStream), send.RequestType);
        Assert.Null(send.ResponseType);
        Assert.Null(send.ResponseTypeInfo);
        Assert.False(send.ExistsIn(OcppVersion.V201));
    }

    [Theory]
    [InlineData("bootnotification")]
    [InlineData("BootNotificationRequest")]
    [InlineData("")]
    public void UnknownOrMisspelledAction_IsNotKnown(string action)
    {
        Assert.False(ActionCatalog.TryGet(action, out _));
        Assert.False(ActionCatalog.IsKnown(action, OcppVersion.V21));
    }

    [Fact]
    public void DataTransfer_IsSentByBothSides()
    {
        Assert.True(ActionCatalog.TryGet("DataTransfer", out var dataTransfer));
        Assert.Equal(RequestSender.Both, dataTransfer.RequestSender);
        Assert.Equal(FunctionalBlock.DataTransfer, dataTransfer.Block);
    }

    [Fact]
    public void EveryPayloadType_LivesInTheNamespaceOfItsBlock()
    {
        foreach (var action in ActionCatalog.All)
        {
            Assert.Equal($"ChargerController.Ocpp.Messages.{action.Block}", action.RequestType.Namespace);
            Assert.Equal(action.RequestType, action.RequestTypeInfo.Type);
        }
    }
}
