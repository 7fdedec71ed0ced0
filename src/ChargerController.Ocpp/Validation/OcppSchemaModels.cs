namespace ChargerController.Ocpp.Validation;

/// <summary>
/// The constraint models of both schema sets. The <c>Create…</c> methods are generated (OcppSchemaModels.V21.g.cs,
/// OcppSchemaModels.V201.g.cs); the models are immutable once built, so one copy per process is shared.
/// </summary>
internal static partial class OcppSchemaModels
{
    public static readonly SchemaConstraintSet V21 = CreateV21();

    public static readonly SchemaConstraintSet V201 = CreateV201();

    public static SchemaConstraintSet For(OcppVersion version) => version == OcppVersion.V201 ? V201 : V21;
}
