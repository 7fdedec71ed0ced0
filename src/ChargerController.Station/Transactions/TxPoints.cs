namespace ChargerController.Station.Transactions;

/// <summary>Parses the TxStartPoint / TxStopPoint member lists.</summary>
public static class TxPoints
{
    /// <summary>Parses a comma-separated list; unknown members are ignored.</summary>
    /// <param name="value">The variable value, e.g. <c>EVConnected,Authorized</c>.</param>
    /// <returns>The flags.</returns>
    public static TxPoint Parse(string? value)
    {
        var points = TxPoint.None;
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<TxPoint>(part, ignoreCase: false, out var point) && point != TxPoint.None)
            {
                points |= point;
            }
        }

        return points;
    }
}
