using System.Globalization;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Firmware;

/// <summary>
/// The part of a firmware update that must survive a restart: its requestId, whether the restart was the activation
/// (the new firmware then sends <c>Installed</c>, L01.FR.32 a), the last status sent (TriggerMessage, L01.FR.25/26) and
/// the EVSEs this update made Unavailable (L01.FR.07), so they come back after the restart.
/// </summary>
/// <remarks>
/// Kept as station-internal values of the device model rather than in a new 0004 migration or a file of our own: those
/// values already live in the station's SQLite database (one durable write per change), the Worker keeps the next boot
/// reason there (HostResetPort) and the certificate block its pending signing request, so the boot reason
/// <c>FirmwareUpdate</c> and the pending update are written by the same store and cannot disagree after a power cut.
/// Four short strings do not justify a table.
/// </remarks>
internal sealed class FirmwareStateStore
{
    private const string RequestIdName = "Firmware.RequestId";
    private const string PhaseName = "Firmware.Phase";
    private const string LastStatusName = "Firmware.LastStatus";
    private const string UnavailableEvsesName = "Firmware.UnavailableEvses";
    private readonly StationDeviceModel _model;

    public FirmwareStateStore(StationDeviceModel model) => _model = model;

    public int? RequestId => int.TryParse(_model.GetInternal(RequestIdName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public FirmwarePhase Phase => Enum.TryParse<FirmwarePhase>(_model.GetInternal(PhaseName), out var phase) ? phase : FirmwarePhase.None;

    public FirmwareStatusEnumType? LastStatus => Enum.TryParse<FirmwareStatusEnumType>(_model.GetInternal(LastStatusName), out var status) ? status : null;

    public IReadOnlyList<int> UnavailableEvses =>
        [.. (_model.GetInternal(UnavailableEvsesName) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public void Begin(int requestId)
    {
        _model.SetInternal(RequestIdName, requestId.ToString(CultureInfo.InvariantCulture));
        _model.SetInternal(PhaseName, nameof(FirmwarePhase.Running));
    }

    public void SetPhase(FirmwarePhase phase) => _model.SetInternal(PhaseName, phase == FirmwarePhase.None ? string.Empty : phase.ToString());

    public void SetLastStatus(FirmwareStatusEnumType status) => _model.SetInternal(LastStatusName, status.ToString());

    public void SetUnavailableEvses(IEnumerable<int> evses) =>
        _model.SetInternal(UnavailableEvsesName, string.Join(',', evses.Select(e => e.ToString(CultureInfo.InvariantCulture))));
}
