using System.CommandLine;

namespace ChargerController.Cli.Commands.Control;

/// <summary>The <c>EVSE</c> argument shared by evse, hw and sim verbs.</summary>
public static class EvseArgument
{
    /// <summary>Creates the argument (an EVSE id, 1-based).</summary>
    /// <returns>The argument.</returns>
    public static Argument<int> Create()
    {
        var argument = new Argument<int>("EVSE") { Description = "EVSE id (1, 2, …)" };
        argument.Validators.Add(result =>
        {
            // A token that is not a number is already reported by the parser; only a parsed id below 1 is ours to reject.
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && id < 1)
            {
                result.AddError("EVSE must be 1 or more");
            }
        });
        return argument;
    }
}
