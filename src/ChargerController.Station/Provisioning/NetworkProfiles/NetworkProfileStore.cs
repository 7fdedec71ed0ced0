using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>
/// The network connection profiles set by SetNetworkProfile, one per configuration slot, kept durably in the device-model
/// store (station-internal values, so they survive reboots exactly like the variables and need no schema of their own).
/// Passwords are stored as the CSMS sent them: A01.FR.10 requires clear text on the station; the state directory is
/// private to the service user.
/// </summary>
public sealed class NetworkProfileStore
{
    private const string SlotPrefix = "NetworkProfile.Slot.";
    private const string LastGoodName = "NetworkProfile.LastConnectedSlot";
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="NetworkProfileStore"/> class.</summary>
    /// <param name="model">The device model whose store holds the slots.</param>
    public NetworkProfileStore(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Gets the profile stored in a slot; null when none or unreadable.</summary>
    /// <param name="slot">Configuration slot.</param>
    /// <returns>The profile.</returns>
    public NetworkConnectionProfileType? Get(int slot)
    {
        var json = _model.GetInternal(SlotPrefix + slot.ToString(CultureInfo.InvariantCulture));
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, OcppJsonContext.Default.SetNetworkProfileRequest)?.ConnectionData;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a profile durably.</summary>
    /// <param name="slot">Configuration slot.</param>
    /// <param name="profile">The profile.</param>
    public void Save(int slot, NetworkConnectionProfileType profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = JsonSerializer.Serialize(new SetNetworkProfileRequest { ConfigurationSlot = slot, ConnectionData = profile }, OcppJsonContext.Default.SetNetworkProfileRequest);
        _model.SetInternal(SlotPrefix + slot.ToString(CultureInfo.InvariantCulture), json);
    }

    /// <summary>Gets the slot of the last successful connection, if any (B10.FR.07).</summary>
    /// <returns>The slot.</returns>
    public int? GetLastConnectedSlot() =>
        int.TryParse(_model.GetInternal(LastGoodName), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) ? slot : null;

    /// <summary>Remembers the slot of a successful connection.</summary>
    /// <param name="slot">The slot.</param>
    public void SetLastConnectedSlot(int slot)
    {
        if (GetLastConnectedSlot() != slot)
        {
            _model.SetInternal(LastGoodName, slot.ToString(CultureInfo.InvariantCulture));
        }
    }
}
