namespace ChargerController.Station.DeviceModel;

/// <summary>What the station says about itself in BootNotification and the device model.</summary>
public sealed record StationIdentity
{
    /// <summary>Gets the vendor name (chargingStation.vendorName).</summary>
    public string VendorName { get; init; } = "ChargerController";

    /// <summary>Gets the model (chargingStation.model).</summary>
    public string Model { get; init; } = "ChargerController-Pi";

    /// <summary>Gets the serial number.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Gets the firmware version.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>Gets the station identity (the last path segment of the CSMS URL).</summary>
    public string Identity { get; init; } = "CS001";

    /// <summary>Gets the security profile in use (1-3).</summary>
    public int SecurityProfile { get; init; } = 1;

    /// <summary>Gets the number of EVSEs, each with one connector.</summary>
    public int EvseCount { get; init; } = 1;

    /// <summary>Gets the connector type of every connector (ConnectorEnumType, e.g. <c>cType2</c>).</summary>
    public string ConnectorType { get; init; } = "cType2";

    /// <summary>Gets the maximum power per EVSE, watts.</summary>
    public decimal EvseMaxPowerW { get; init; } = 22080m;

    /// <summary>
    /// Gets a value indicating whether the EVSE meters can sign their readings. Only then does the station report the
    /// SignReadings variables (Part 2 §2.9.4: a station that cannot sign SHALL NOT report them).
    /// </summary>
    public bool SignedMeterValues { get; init; }

    /// <summary>
    /// Gets the custom triggers the composition registers (<c>RemoteControl/ICustomTriggerSource</c>), reported in
    /// CustomizationCtrlr.CustomTriggers (F06.FR.18); none: the variable is not reported.
    /// </summary>
    public IReadOnlyList<string> CustomTriggers { get; init; } = [];
}
