using ChargerController.Ocpp.Enums;
using ChargerController.Station.Availability;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance;

namespace ChargerController.Station.Tests.Availability;

/// <summary>The reservation overlay of <see cref="AvailabilityManager"/>: Reserved only where the connector would be Available.</summary>
public sealed class ReservedOverlayTests
{
    [Theory]
    [InlineData(ConnectorStatus.Available, ConnectorStatusEnumType.Reserved)]
    [InlineData(ConnectorStatus.Occupied, ConnectorStatusEnumType.Occupied)]
    [InlineData(ConnectorStatus.Faulted, ConnectorStatusEnumType.Faulted)]
    [InlineData(ConnectorStatus.Unavailable, ConnectorStatusEnumType.Unavailable)]
    public void EffectiveStatus_ReservedConnector_ReservedOnlyOverAvailable(ConnectorStatus physical, ConnectorStatusEnumType expected)
    {
        var (availability, connectors) = Create();
        availability.UseReservedStatus(new ReservedEvse(1));
        connectors.Set(1, physical);
        Assert.Equal(expected, availability.EffectiveStatus(new ConnectorLocation(1, 1)));
        Assert.Equal(ConnectorStatusEnumType.Available, availability.EffectiveStatus(new ConnectorLocation(2, 1)));
        Assert.NotEqual(ConnectorStatusEnumType.Reserved, availability.UnreservedStatus(new ConnectorLocation(1, 1)));
    }

    [Fact]
    public void EffectiveStatus_ReservedButInoperative_Unavailable()
    {
        var (availability, _) = Create();
        availability.UseReservedStatus(new ReservedEvse(1));
        var raised = 0;
        availability.OperationalStateChanged += (_, _) => raised++;
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, availability.Change(1, null, operative: false));
        Assert.Equal(ConnectorStatusEnumType.Unavailable, availability.EffectiveStatus(new ConnectorLocation(1, 1)));
        Assert.Equal(1, raised);
    }

    [Fact]
    public void OperationalStateChanged_ScheduledChangeApplied_Raised()
    {
        var (availability, _, transactions) = CreateWithTransactions();
        transactions.Start(1);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Scheduled, availability.Change(1, null, operative: false));
        var raised = 0;
        availability.OperationalStateChanged += (_, _) => raised++;
        transactions.End(1);
        Assert.Equal(1, raised);
    }

    private static (AvailabilityManager Availability, FakeConnectors Connectors) Create()
    {
        var (a, c, _) = CreateWithTransactions();
        return (a, c);
    }

    private static (AvailabilityManager Availability, FakeConnectors Connectors, FakeTransactions Transactions) CreateWithTransactions()
    {
        var identity = new StationIdentity { EvseCount = 2 };
        var model = new StationDeviceModel(DeviceModelCatalog.Create(identity), new InMemoryDeviceModelStore());
        var connectors = new FakeConnectors(2);
        var transactions = new FakeTransactions();
        return (new AvailabilityManager(model, connectors, transactions), connectors, transactions);
    }

    private sealed class ReservedEvse(int evseId) : IReservedStatus
    {
        public bool IsReserved(ConnectorLocation connector) => connector.EvseId == evseId;
    }
}
