using System.Text;

namespace ChargerController.Ocpp.Validation;

/// <summary>One property of an object schema: wire name (also as UTF-8 for allocation-free matching), required flag, value.</summary>
internal sealed class PropertyConstraint
{
    public PropertyConstraint(string name, bool required, ValueConstraint value)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        Required = required;
        Value = value;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public bool Required { get; }

    public ValueConstraint Value { get; }
}
