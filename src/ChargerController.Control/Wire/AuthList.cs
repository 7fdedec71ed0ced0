namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>auth.list</c>.</summary>
/// <param name="Version">The list version (D01: versionNumber), 0 when never set.</param>
/// <param name="Entries">The entries, sorted by idToken.</param>
public sealed record AuthList(int Version, IReadOnlyList<AuthListEntry> Entries);
