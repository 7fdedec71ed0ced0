namespace ChargerController.Control.Wire;

/// <summary>One request line on the control socket.</summary>
/// <param name="Command">Command name, e.g. <c>status</c>, <c>sim.plug</c> (see <see cref="ControlCommands"/>).</param>
/// <param name="Args">Named string arguments; absent when the command takes none.</param>
public sealed record ControlRequest(string Command, IReadOnlyDictionary<string, string>? Args = null)
{
    /// <summary>Returns an argument or <see langword="null"/>.</summary>
    /// <param name="name">Argument name.</param>
    /// <returns>The value, if given.</returns>
    public string? Arg(string name) => Args is not null && Args.TryGetValue(name, out var v) ? v : null;
}
