using System.Text.Json;

namespace ChargerController.Ocpp.Validation;

/// <summary>Checks an OCPP payload against the official schema of its action and version.</summary>
public interface IPayloadValidator
{
    /// <summary>Validates <paramref name="payload"/> against the schema of <paramref name="action"/>.</summary>
    /// <param name="version">Negotiated protocol version: selects the 2.0.1 or the 2.1 schema set.</param>
    /// <param name="action">Action name without the Request/Response suffix, e.g. <c>BootNotification</c>.</param>
    /// <param name="kind">Request, response or SEND schema.</param>
    /// <param name="payload">The payload element of the frame.</param>
    /// <returns><see langword="null"/> when valid; otherwise the first violation.</returns>
    PayloadViolation? Validate(OcppVersion version, string action, PayloadKind kind, JsonElement payload);
}
