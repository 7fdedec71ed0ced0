using System.Globalization;
using System.Text;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Output;

/// <summary>Renders <see cref="StationStatus"/> as the table a technician reads over SSH.</summary>
public static class StatusRenderer
{
    /// <summary>Formats the status as text (one header block, one row per EVSE).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(StationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"chargerd {status.Version}{(status.Simulated ? " (simulated hardware)" : string.Empty)}\n");
        sb.Append(c, $"CSMS: {(status.Connected ? "connected" : "not connected")}, subprotocol {status.Subprotocol ?? "-"}, boot {status.BootStatus}, queue {status.QueueDepth}\n");
        sb.Append(c, $"{"EVSE",-4}  {"connector",-11}  {"pilot",-7}  {"contactor",-9}  {"offered",8}  {"measured",8}  {"energy",11}  {"transaction",-36}  fault\n");
        foreach (var e in status.Evses)
        {
            sb.Append(c, $"{e.Id,-4}  {e.ConnectorStatus,-11}  {e.PilotState,-7}  {(e.ContactorClosed ? "closed" : "open"),-9}  {e.OfferedCurrentA,6:0.0} A  {e.MeasuredCurrentA,6:0.0} A  {e.EnergyWh,8:0.0} Wh  {e.TransactionId ?? "-",-36}  {e.Fault ?? "-"}\n");
        }

        if (status.DisplayMessage is { } d)
        {
            // The CSMS message on the station's display (in --simulate this line is the display).
            sb.Append(c, $"Display: \"{OneLine(d.Content)}\" (message {d.Id}, {d.Priority}, {d.Format}{(d.Language is null ? string.Empty : ", " + d.Language)})\n");
        }

        return sb.ToString();
    }

    // A message may hold line breaks or control characters: keep the status one line per item.
    private static string OneLine(string text) => new([.. text.Select(ch => char.IsControl(ch) ? ' ' : ch)]);
}
