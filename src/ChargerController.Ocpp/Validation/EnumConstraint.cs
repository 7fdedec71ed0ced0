using System.Text;

namespace ChargerController.Ocpp.Validation;

/// <summary>The allowed wire strings of an <c>…EnumType</c>; matching is exact and case-sensitive (JSON Schema <c>enum</c>).</summary>
internal sealed class EnumConstraint
{
    // Candidates bucketed by UTF-8 length: MeasurandEnumType has 60+ values, but rarely more than a few per length.
    private readonly byte[][][] _byLength;

    public EnumConstraint(string name, string[] values)
    {
        Name = name;
        Values = values;
        var utf8 = values.Select(Encoding.UTF8.GetBytes).ToArray();
        _byLength = new byte[utf8.Max(v => v.Length) + 1][][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. utf8.Where(v => v.Length == length)];
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Values { get; }

    public bool Contains(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= _byLength.Length)
        {
            return false;
        }

        foreach (var v in _byLength[utf8.Length])
        {
            if (utf8.SequenceEqual(v))
            {
                return true;
            }
        }

        return false;
    }
}
