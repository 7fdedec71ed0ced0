using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <summary>One supported variable with its characteristics (Part 2 §2.2, appendix "Referenced Components and Variables").</summary>
/// <param name="Key">Where it lives.</param>
/// <param name="DataType">Data type.</param>
/// <param name="Mutability">Mutability of the <c>Actual</c> attribute.</param>
/// <param name="InitialValue">Value before any configuration or SetVariables; null = unset.</param>
public sealed record VariableDefinition(VariableKey Key, DataEnumType DataType, MutabilityEnumType Mutability, string? InitialValue)
{
    /// <summary>Gets the unit, e.g. <c>s</c> or <c>A</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the minimum numeric value.</summary>
    public decimal? MinLimit { get; init; }

    /// <summary>Gets the maximum numeric value, or the maximum length of a string.</summary>
    public decimal? MaxLimit { get; init; }

    /// <summary>Gets the comma-separated allowed values (OptionList, MemberList, SequenceList).</summary>
    public string? ValuesList { get; init; }

    /// <summary>Gets a value indicating whether a change only takes effect after a reboot (SetVariables answers <c>RebootRequired</c>).</summary>
    public bool RebootRequired { get; init; }

    /// <summary>Gets a value indicating whether the value never changes (variableAttribute.constant).</summary>
    public bool Constant { get; init; }

    /// <summary>Gets a value indicating whether the value survives a reboot (variableAttribute.persistent).</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>Gets a value indicating whether the value is a secret that GetVariables/reports never reveal.</summary>
    public bool Secret { get; init; }
}
