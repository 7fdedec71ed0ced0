namespace ChargerController.Station.DeviceModel;

/// <summary>Outcome of looking a component/variable pair up (maps to Unknown* statuses of B05/B06).</summary>
public enum VariableLookup
{
    /// <summary>Found.</summary>
    Found,

    /// <summary>No such component (name, instance, EVSE, connector).</summary>
    UnknownComponent,

    /// <summary>The component exists but not this variable.</summary>
    UnknownVariable,
}
