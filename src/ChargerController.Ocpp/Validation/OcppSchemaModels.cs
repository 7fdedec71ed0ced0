namespace ChargerController.Ocpp.Validation;

/// <summary>
/// The constraint models of both schema sets. The <c>Create…</c> methods are generated (OcppSchemaModels.V21.g.cs,
/// OcppSchemaModels.V201.g.cs); the models are immutable once built, so one copy per process is shared.
/// </summary>
/// <remarks>
/// Each model is built on first use of its version, not both at once: a station on a 2.1 connection never builds
/// (nor pages in the code of) the 2.0.1 model (docs/PERFORMANCE.md, "chargerd memory (session 4)").
/// </remarks>
internal static partial class OcppSchemaModels
{
    public static SchemaConstraintSet V21 => V21Model.Set;

    public static SchemaConstraintSet V201 => V201Model.Set;

    public static SchemaConstraintSet For(OcppVersion version) => version == OcppVersion.V201 ? V201 : V21;

    // A nested class's static initializer runs on first access of that class only: the runtime's own lazy,
    // thread-safe initialisation, without a Lazy<T> or a lock.
    private static class V21Model
    {
        public static readonly SchemaConstraintSet Set = CreateV21();
    }

    private static class V201Model
    {
        public static readonly SchemaConstraintSet Set = CreateV201();
    }
}
