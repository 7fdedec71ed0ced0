namespace ChargerController.Station.Sessions;

/// <summary>
/// The Master Pass UI of a station with a screen or buttons (C16.FR.01): after a master pass is presented, the person
/// holding it chooses which running transactions to stop. A station without one stops them all (C16.FR.02).
/// </summary>
public interface IMasterPassUi
{
    /// <summary>Shows the choice and waits for it.</summary>
    /// <param name="running">The EVSEs with a running session, ascending.</param>
    /// <param name="cancellationToken">Cancels the wait (the station shuts down).</param>
    /// <returns>The EVSEs to stop, a subset of <paramref name="running"/>; empty when the user cancelled or walked away.</returns>
    Task<IReadOnlyCollection<int>> ChooseAsync(IReadOnlyList<int> running, CancellationToken cancellationToken);
}
