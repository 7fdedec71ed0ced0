using System.Text.Json.Serialization.Metadata;

namespace ChargerController.Ocpp.Serialization;

/// <summary>What the catalogue knows about one OCPP action.</summary>
/// <param name="Name">Action name as on the wire, e.g. <c>BootNotification</c>.</param>
/// <param name="Block">Part 2 functional block (also the <c>Messages/</c> sub-folder and namespace).</param>
/// <param name="RequestSender">Who sends the request.</param>
/// <param name="ExistsInOcpp201">Whether OCPP 2.0.1 has this action; 2.1-only actions must never be sent on a 2.0.1 connection.</param>
/// <param name="IsSend">Whether the action is a SEND (message type 6, no response), e.g. NotifyPeriodicEventStream.</param>
/// <param name="RequestType">CLR type of the CALL (or SEND) payload.</param>
/// <param name="ResponseType">CLR type of the CALLRESULT payload; <see langword="null"/> for SEND.</param>
public sealed record OcppActionInfo(
    string Name,
    FunctionalBlock Block,
    RequestSender RequestSender,
    bool ExistsInOcpp201,
    bool IsSend,
    Type RequestType,
    Type? ResponseType)
{
    /// <summary>Gets the source-generated metadata of <see cref="RequestType"/>.</summary>
    public JsonTypeInfo RequestTypeInfo => ActionCatalog.GetTypeInfo(RequestType);

    /// <summary>Gets the source-generated metadata of <see cref="ResponseType"/>; <see langword="null"/> for SEND.</summary>
    public JsonTypeInfo? ResponseTypeInfo => ResponseType is null ? null : ActionCatalog.GetTypeInfo(ResponseType);

    /// <summary>Whether the action exists in <paramref name="version"/>.</summary>
    /// <param name="version">Negotiated protocol version.</param>
    /// <returns><see langword="true"/> when the action may be sent or received on such a connection.</returns>
    public bool ExistsIn(OcppVersion version) => version == OcppVersion.V21 || ExistsInOcpp201;
}
