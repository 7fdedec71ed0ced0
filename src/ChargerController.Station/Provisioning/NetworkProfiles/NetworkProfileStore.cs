using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>
/// The network connection profiles, one per configuration slot, kept as the variables of the 2.1 component
/// <c>NetworkConfiguration</c> (component instance = slot): SetNetworkProfile writes them (B09.FR.09), SetVariables may
/// write them directly (B09 alternative scenario), and the connection reads them back from here. They live in the durable
/// device-model store, so they survive reboots like every other variable. Passwords are stored as the CSMS sent them:
/// A01.FR.10 requires clear text on the station; the state directory is private to the service user.
/// </summary>
public sealed class NetworkProfileStore
{
    private const string LegacySlotPrefix = "NetworkProfile.Slot.";
    private const string OwnerPrefix = "NetworkProfile.Owner.";
    private const string CsmsOwned = "csms";
    private const string LastGoodName = "NetworkProfile.LastConnectedSlot";
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="NetworkProfileStore"/> class.</summary>
    /// <param name="model">The device model whose NetworkConfiguration instances hold the slots.</param>
    public NetworkProfileStore(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Gets the key of one NetworkConfiguration variable of a slot.</summary>
    /// <param name="slot">Configuration slot (component instance).</param>
    /// <param name="variable">Variable name, e.g. <c>OcppCsmsUrl</c>.</param>
    /// <returns>The key.</returns>
    public static VariableKey KeyOf(int slot, string variable) =>
        new(DeviceModelCatalog.NetworkConfiguration, slot.ToString(CultureInfo.InvariantCulture), null, null, variable, null);

    /// <summary>
    /// Gets the profile stored in a slot; null when the slot holds none yet (no <c>OcppCsmsUrl</c> or no
    /// <c>SecurityProfile</c>). The content is not validated here: see <see cref="NetworkProfileValidator"/>.
    /// </summary>
    /// <param name="slot">Configuration slot.</param>
    /// <returns>The profile.</returns>
    public NetworkConnectionProfileType? Get(int slot)
    {
        var url = Value(slot, "OcppCsmsUrl");
        if (url is null || !int.TryParse(Value(slot, "SecurityProfile"), NumberStyles.None, CultureInfo.InvariantCulture, out var securityProfile))
        {
            return null;
        }

        // For these three enums the member names are the wire strings.
        return new NetworkConnectionProfileType
        {
            OcppCsmsUrl = url,
            SecurityProfile = securityProfile,
            OcppInterface = Enum.TryParse<OCPPInterfaceEnumType>(Value(slot, "OcppInterface"), out var ocppInterface) ? ocppInterface : OCPPInterfaceEnumType.Any,
            OcppTransport = Value(slot, "OcppTransport") is "SOAP" ? OCPPTransportEnumType.SOAP : OCPPTransportEnumType.JSON,
            OcppVersion = Enum.TryParse<OCPPVersionEnumType>(Value(slot, "OcppVersion"), out var version) ? version : null,
            MessageTimeout = int.TryParse(Value(slot, "MessageTimeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) ? timeout : _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", 30, "Default"),
            Identity = Value(slot, "Identity"),
            BasicAuthPassword = Value(slot, "BasicAuthPassword"),
        };
    }

    /// <summary>Stores a profile durably in the slot's NetworkConfiguration variables (B09.FR.09).</summary>
    /// <param name="slot">Configuration slot.</param>
    /// <param name="profile">The profile.</param>
    public void Save(int slot, NetworkConnectionProfileType profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        MarkSetByCsms(slot);
        Write(slot, profile);
    }

    /// <summary>Clears the Basic-auth password of a slot (B09.FR.27: a new SecurityCtrlr.BasicAuthPassword wins).</summary>
    /// <param name="slot">Configuration slot.</param>
    public void ClearPassword(int slot) => _model.SetByStation(KeyOf(slot, "BasicAuthPassword"), string.Empty);

    /// <summary>Gets a value indicating whether the CSMS wrote the slot (else slot 0 is the configuration file's profile).</summary>
    /// <param name="slot">Configuration slot.</param>
    /// <returns>Whether the CSMS owns the slot.</returns>
    public bool IsSetByCsms(int slot) => _model.GetInternal(OwnerPrefix + slot.ToString(CultureInfo.InvariantCulture)) == CsmsOwned;

    /// <summary>Remembers that the CSMS wrote a slot (SetNetworkProfile or SetVariables on its NetworkConfiguration).</summary>
    /// <param name="slot">Configuration slot.</param>
    public void MarkSetByCsms(int slot)
    {
        if (!IsSetByCsms(slot))
        {
            _model.SetInternal(OwnerPrefix + slot.ToString(CultureInfo.InvariantCulture), CsmsOwned);
        }
    }

    /// <summary>
    /// Shows the configuration file's profile in slot 0 (B09.FR.08: every supported slot is reported) as long as the CSMS
    /// has not written that slot; a changed configuration file therefore shows after the next start.
    /// </summary>
    /// <param name="options">The configured profile.</param>
    public void ShowConfigured(NetworkProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsSetByCsms(0))
        {
            return;
        }

        Write(0, new NetworkConnectionProfileType
        {
            OcppCsmsUrl = options.CsmsUrl.ToString(),
            SecurityProfile = (int)options.SecurityProfile,
            OcppInterface = OCPPInterfaceEnumType.Any,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppVersion = OCPPVersionEnumType.OCPP21,
            MessageTimeout = _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", 30, "Default"),
        });
    }

    /// <summary>Moves profiles stored by an earlier release (JSON per slot) into NetworkConfiguration, once.</summary>
    /// <param name="slots">The configuration slots.</param>
    public void MigrateLegacy(IEnumerable<int> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        foreach (var slot in slots)
        {
            var name = LegacySlotPrefix + slot.ToString(CultureInfo.InvariantCulture);
            var json = _model.GetInternal(name);
            if (string.IsNullOrEmpty(json))
            {
                continue;
            }

            try
            {
                if (Get(slot) is null && JsonSerializer.Deserialize(json, OcppJsonContext.Default.SetNetworkProfileRequest)?.ConnectionData is { } profile)
                {
                    Save(slot, profile);
                }
            }
            catch (JsonException)
            {
                // Unreadable leftovers are dropped: the slot simply holds no profile.
            }

            _model.SetInternal(name, string.Empty);
        }
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

    private void Write(int slot, NetworkConnectionProfileType profile)
    {
        _model.SetByStation(KeyOf(slot, "OcppCsmsUrl"), profile.OcppCsmsUrl);
        _model.SetByStation(KeyOf(slot, "SecurityProfile"), profile.SecurityProfile.ToString(CultureInfo.InvariantCulture));
        _model.SetByStation(KeyOf(slot, "OcppInterface"), profile.OcppInterface.ToString());
        _model.SetByStation(KeyOf(slot, "OcppTransport"), profile.OcppTransport.ToString());
        _model.SetByStation(KeyOf(slot, "OcppVersion"), profile.OcppVersion?.ToString() ?? string.Empty);
        _model.SetByStation(KeyOf(slot, "MessageTimeout"), profile.MessageTimeout.ToString(CultureInfo.InvariantCulture));
        _model.SetByStation(KeyOf(slot, "Identity"), profile.Identity ?? string.Empty);
        _model.SetByStation(KeyOf(slot, "BasicAuthPassword"), profile.BasicAuthPassword ?? string.Empty);
    }

    private string? Value(int slot, string variable) => _model.GetValue(KeyOf(slot, variable)) is { Length: > 0 } value ? value : null;
}
