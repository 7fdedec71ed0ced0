using System.Globalization;
using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Station.Control;

namespace ChargerController.Worker.ControlSocket;

/// <summary>Builds control-socket answers and reads common arguments.</summary>
internal static class ControlReplies
{
    public static ControlResponse Done(string message) =>
        new(true, JsonSerializer.SerializeToElement(new CommandResult(message), ControlJsonContext.Default.CommandResult));

    public static ControlResponse Fail(string code, string message) => new(false, null, new ControlError(code, message));

    public static ControlResponse From(ControlOutcome outcome) =>
        outcome.Ok ? Done(outcome.Message) : Fail(outcome.ErrorCode ?? ControlErrorCodes.Internal, outcome.Message);

    /// <summary>Parses the <c>evse</c> argument; <see langword="null"/> with <paramref name="error"/> set when missing or not a positive integer.</summary>
    public static int? EvseId(ControlRequest request, out ControlResponse? error)
    {
        var raw = request.Arg(ControlArgs.Evse);
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
        {
            error = null;
            return id;
        }

        error = Fail(ControlErrorCodes.InvalidArgument, $"'{raw}' is not an EVSE id (1, 2, …)");
        return null;
    }
}
