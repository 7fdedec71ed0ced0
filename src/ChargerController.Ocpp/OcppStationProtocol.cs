using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp;

/// <summary>
/// The default wiring of the engine with the generated OCPP 2.1 model: one place that says which JSON context,
/// validator and action catalogue a charging station uses, so callers do not assemble them by hand.
/// </summary>
public static class OcppStationProtocol
{
    /// <summary>Creates an empty handler registry on the generated source-generated JSON context.</summary>
    /// <returns>A registry whose typed handlers (de)serialise with <see cref="OcppJsonContext"/>.</returns>
    public static HandlerRegistry CreateHandlerRegistry() => new(OcppJsonContext.Default.Options);

    /// <summary>Creates connection options with schema validation of incoming payloads, the action catalogue and the 2.0.1 projection.</summary>
    /// <param name="messageTimeout">The CALL timeout (<c>OCPPCommCtrlr.MessageTimeout</c>).</param>
    /// <returns>The options.</returns>
    public static OcppConnectionOptions CreateConnectionOptions(TimeSpan messageTimeout) => new()
    {
        MessageTimeout = messageTimeout,
        Validator = new SchemaPayloadValidator(),
        IsKnownAction = static (version, action) => ActionCatalog.IsKnown(action, version),

        // One 2.1 model for both versions: on a 2.0.1 connection 2.1-only fields are dropped at send time.
        Ocpp201Projection = Ocpp201PayloadProjector.Project,
    };
}
