namespace ChargerController.Ocpp.Validation;

/// <summary>An object schema: its properties in schema order and whether other properties are allowed.</summary>
internal sealed class ObjectConstraint
{
    private PropertyConstraint[] _properties = [];

    public ObjectConstraint(string name, bool allowAdditionalProperties)
    {
        Name = name;
        AllowAdditionalProperties = allowAdditionalProperties;
    }

    /// <summary>Gets the definition name (<c>IdTokenType</c>) or schema file name (<c>AuthorizeRequest</c>).</summary>
    public string Name { get; }

    public bool AllowAdditionalProperties { get; }

    public IReadOnlyList<PropertyConstraint> Properties => _properties;

    /// <summary>Gets one bit per property index that is required (the generator caps objects at 64 properties).</summary>
    public ulong RequiredMask { get; private set; }

    /// <summary>Sets the properties; called once by the generated model after all nodes exist (two phases allow any $ref order).</summary>
    public void Initialize(PropertyConstraint[] properties)
    {
        _properties = properties;
        ulong mask = 0;
        for (var i = 0; i < properties.Length; i++)
        {
            if (properties[i].Required)
            {
                mask |= 1UL << i;
            }
        }

        RequiredMask = mask;
    }

    /// <summary>Finds the property whose UTF-8 name equals <paramref name="utf8Name"/>; -1 when unknown.</summary>
    /// <param name="utf8Name">Raw (unescaped) property name.</param>
    /// <param name="hint">Index to try first: payloads written by a serializer list properties in schema order, so
    /// the property after the previous match is almost always the right one (one comparison instead of a scan).</param>
    public int IndexOf(ReadOnlySpan<byte> utf8Name, int hint)
    {
        var props = _properties;
        if ((uint)hint < (uint)props.Length && utf8Name.SequenceEqual(props[hint].Utf8Name))
        {
            return hint;
        }

        for (var i = 0; i < props.Length; i++)
        {
            if (utf8Name.SequenceEqual(props[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }
}
