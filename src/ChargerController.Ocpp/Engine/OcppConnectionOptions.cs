using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>Settings and pluggable policies of an <see cref="OcppConnection"/>.</summary>
public sealed class OcppConnectionOptions
{
    /// <summary>
    /// Gets how long a CALL may stay unanswered before it fails (Part 4 §4.1.1; OCPP variable
    /// <c>OCPPCommCtrlr.MessageTimeout[Default]</c>, P2 suggests about 30 s). Default 30 s.
    /// </summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets the schema validator. Inbound CALL payloads that fail are answered with a CALLERROR carrying its code,
    /// inbound CALLRESULT payloads with a CALLRESULTERROR. <see langword="null"/>: only deserialisation checks.
    /// </summary>
    public IPayloadValidator? Validator { get; init; }

    /// <summary>Gets a value indicating whether our own outgoing payloads are validated too (refused before sending).</summary>
    public bool ValidateOutbound { get; init; }

    /// <summary>
    /// Gets the answer to "does this version define this action" (e.g. the generated <c>ActionCatalog</c>).
    /// It picks <c>NotSupported</c> (known, no handler) over <c>NotImplemented</c> (unknown), and makes a
    /// 2.1-only action <c>NotImplemented</c> on a 2.0.1 connection even when a handler exists.
    /// <see langword="null"/>: every action without a handler is <c>NotImplemented</c>.
    /// </summary>
    public Func<OcppVersion, string, bool>? IsKnownAction { get; init; }

    /// <summary>Gets the id source; <see langword="null"/>: UUIDv7 from the connection's clock.</summary>
    public IMessageIdGenerator? MessageIdGenerator { get; init; }
}
