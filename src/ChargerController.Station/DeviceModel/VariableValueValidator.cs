using System.Globalization;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <summary>Checks a SetVariables value against a variable's data type and characteristics (B05.FR.07-09: bad format or out of range → <c>Rejected</c>).</summary>
public static class VariableValueValidator
{
    /// <summary>Checks a value.</summary>
    /// <param name="definition">The variable.</param>
    /// <param name="value">The proposed value (wire text).</param>
    /// <param name="reason">Why it is refused, for statusInfo.additionalInfo.</param>
    /// <returns>True when acceptable.</returns>
    public static bool IsValid(VariableDefinition definition, string value, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(value);
        reason = null;
        switch (definition.DataType)
        {
            case DataEnumType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    reason = "not an integer";
                    return false;
                }

                return InRange(definition, integer, out reason);
            case DataEnumType.Decimal:
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    reason = "not a decimal";
                    return false;
                }

                return InRange(definition, number, out reason);
            case DataEnumType.Boolean:
                if (value is not ("true" or "false"))
                {
                    reason = "not true/false";
                    return false;
                }

                return true;
            case DataEnumType.DateTime:
                if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
                {
                    reason = "not an RFC 3339 date-time";
                    return false;
                }

                return true;
            case DataEnumType.OptionList:
                return InList(definition, [value], out reason);
            case DataEnumType.MemberList or DataEnumType.SequenceList:
                var members = value.Split(',', StringSplitOptions.TrimEntries);
                if (members.Distinct(StringComparer.Ordinal).Count() != members.Length)
                {
                    reason = "duplicate entries";
                    return false;
                }

                return InList(definition, members, out reason);
            default:
                if (definition.MaxLimit is { } max && value.Length > max)
                {
                    reason = $"longer than {max} characters";
                    return false;
                }

                if (definition.MinLimit is { } min && value.Length < min)
                {
                    reason = $"shorter than {min} characters";
                    return false;
                }

                return true;
        }
    }

    private static bool InRange(VariableDefinition definition, decimal value, out string? reason)
    {
        reason = null;
        if (definition.MinLimit is { } min && value < min)
        {
            reason = $"below minimum {min.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        if (definition.MaxLimit is { } max && value > max)
        {
            reason = $"above maximum {max.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        return true;
    }

    private static bool InList(VariableDefinition definition, string[] values, out string? reason)
    {
        reason = null;
        if (definition.ValuesList is null)
        {
            return true;
        }

        var allowed = definition.ValuesList.Split(',', StringSplitOptions.TrimEntries);
        foreach (var value in values)
        {
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                reason = $"'{value}' not in valuesList";
                return false;
            }
        }

        return true;
    }
}
