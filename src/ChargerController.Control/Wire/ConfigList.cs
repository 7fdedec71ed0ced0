namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>config.list</c>.</summary>
/// <param name="Variables">Device-model variables then local settings, each group sorted by key.</param>
public sealed record ConfigList(IReadOnlyList<ConfigVariable> Variables);
