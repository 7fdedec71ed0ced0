namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>The purposes the composite merges, in the order K08.FR.04 names them.</summary>
internal enum ProfileSlot
{
    StationMax = 0,
    ExternalConstraints = 1,
    TxDefault = 2,
    Tx = 3,
    Priority = 4,
    LocalGeneration = 5,
}
