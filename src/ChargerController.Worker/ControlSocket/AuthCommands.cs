using System.Globalization;
using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Control;

namespace ChargerController.Worker.ControlSocket;

/// <summary>
/// auth.list / auth.add / auth.remove over <see cref="ILocalAuthListAdmin"/> when the authorization block provides
/// one; otherwise a clear <see cref="ControlErrorCodes.NotAvailable"/> (chargerctl exit 10). Arguments are checked
/// here against the OCPP vocabulary so every implementation receives clean entries.
/// </summary>
internal sealed class AuthCommands(ILocalAuthListAdmin? admin) : IControlCommandModule
{
    /// <summary>The idToken types of OCPP 2.x (2.1 keeps them as recommended values of a string).</summary>
    private static readonly string[] TokenTypes = ["Central", "DirectPayment", "eMAID", "EVCCID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization", "VIN"];

    public void Register(ControlRequestRouter router)
    {
        router.Map(ControlCommands.AuthList, async (_, ct) => admin is null
            ? NotAvailable()
            : new ControlResponse(true, JsonSerializer.SerializeToElement(await admin.ListAsync(ct).ConfigureAwait(false), ControlJsonContext.Default.AuthList)));
        router.Map(ControlCommands.AuthAdd, async (request, ct) =>
        {
            if (admin is null)
            {
                return NotAvailable();
            }

            var entry = Entry(request, out var error);
            return entry is null ? error! : ControlReplies.From(await admin.AddOrUpdateAsync(entry, ct).ConfigureAwait(false));
        });
        router.Map(ControlCommands.AuthRemove, async (request, ct) =>
        {
            if (admin is null)
            {
                return NotAvailable();
            }

            var token = request.Arg(ControlArgs.IdToken);
            var type = TokenType(request.Arg(ControlArgs.TokenType));
            if (string.IsNullOrWhiteSpace(token) || type is null)
            {
                return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, "an idToken and a valid type are required");
            }

            return ControlReplies.From(await admin.RemoveAsync(token, type, ct).ConfigureAwait(false));
        });
    }

    /// <summary>Validates and normalises the arguments of auth.add.</summary>
    internal static AuthListEntry? Entry(ControlRequest request, out ControlResponse? error)
    {
        error = null;
        var token = request.Arg(ControlArgs.IdToken);
        if (string.IsNullOrWhiteSpace(token) || token.Length > 255 || token.Any(char.IsControl))
        {
            error = ControlReplies.Fail(ControlErrorCodes.InvalidArgument, "idToken must be 1-255 printable characters (IdTokenType.idToken)");
            return null;
        }

        var type = TokenType(request.Arg(ControlArgs.TokenType));
        if (type is null)
        {
            error = ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"type must be one of {string.Join(", ", TokenTypes)}");
            return null;
        }

        var statusText = request.Arg(ControlArgs.Status) ?? nameof(AuthorizationStatusEnumType.Accepted);
        if (!Enum.TryParse<AuthorizationStatusEnumType>(statusText, ignoreCase: true, out var status) || int.TryParse(statusText, out _))
        {
            error = ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"status must be one of {string.Join(", ", Enum.GetNames<AuthorizationStatusEnumType>())}");
            return null;
        }

        DateTimeOffset? expires = null;
        if (request.Arg(ControlArgs.Expires) is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                error = ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{text}' is not a date-time (RFC 3339, e.g. 2026-12-31T23:59:59Z)");
                return null;
            }

            expires = parsed.ToUniversalTime();
        }

        return new AuthListEntry(token.Trim(), type, status.ToString(), expires);
    }

    private static string? TokenType(string? text) =>
        text is null ? "ISO14443" : TokenTypes.FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase));

    private static ControlResponse NotAvailable() => ControlReplies.Fail(
        ControlErrorCodes.NotAvailable,
        "the local authorization list is not available in this chargerd (no authorization block with a local list is composed)");
}
