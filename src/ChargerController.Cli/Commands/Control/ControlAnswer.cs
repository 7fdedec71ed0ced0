using System.Text.Json;

namespace ChargerController.Cli.Commands.Control;

/// <summary>What came back from chargerd, with the exit code it means.</summary>
/// <param name="Ok">Whether chargerd did it.</param>
/// <param name="Result">The result object when <paramref name="Ok"/>.</param>
/// <param name="ExitCode">The documented exit code.</param>
internal sealed record ControlAnswer(bool Ok, JsonElement Result, int ExitCode)
{
    public static ControlAnswer Failed(int exitCode) => new(false, default, exitCode);
}
