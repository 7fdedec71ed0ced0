using System.Text;

namespace ChargerController.Ocpp.Validation;

/// <summary>The allowed wire strings of an <c>…EnumType</c>; matching is exact and case-sensitive (JSON Schema <c>enum</c>).</summary>
internal sealed class EnumConstraint
{
    private readonly byte[][] _utf8Values;

    public EnumConstraint(string name, string[] values)
    {
        Name = name;
        Values = values;
        _utf8Values = [.. values.Select(Encoding.UTF8.GetBytes)];
    }

    public string Name { get; }

    public IReadOnlyList<string> Values { get; }

    public bool Contains(ReadOnlySpan<byte> utf8)
    {
        foreach (var v in _utf8Values)
        {
            if (utf8.SequenceEqual(v))
            {
                return true;
            }
        }

        return false;
    }
}
