using System.Collections.Frozen;

namespace ChargerController.Ocpp.Validation;

/// <summary>All root schemas of one OCPP version, looked up by action and payload kind.</summary>
internal sealed class SchemaConstraintSet
{
    private readonly FrozenDictionary<string, SchemaRoot[]> _byAction;

    public SchemaConstraintSet(OcppVersion version, SchemaRoot[] roots)
    {
        Version = version;
        Roots = roots;
        _byAction = roots.GroupBy(r => r.Action, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public OcppVersion Version { get; }

    public IReadOnlyList<SchemaRoot> Roots { get; }

    public bool HasAction(string action) => _byAction.ContainsKey(action);

    public ObjectConstraint? Find(string action, PayloadKind kind)
    {
        if (!_byAction.TryGetValue(action, out var roots))
        {
            return null;
        }

        foreach (var root in roots)
        {
            if (root.Kind == kind)
            {
                return root.Schema;
            }
        }

        return null;
    }
}
