using ChargerController.Control.Wire;

namespace ChargerController.Station.Control;

/// <summary>
/// What <c>chargerctl auth list|add|remove</c> may do with the local authorization list (D01/D02), for sites that
/// run offline. The authorization block implements it over its list store and the integrator binds it in chargerd;
/// until then chargerd answers the auth.* commands with <see cref="ControlErrorCodes.NotAvailable"/>.
/// A local edit is a local decision: the implementation keeps the list version as it is (the CSMS owns versions,
/// D01.FR.18) or documents otherwise.
/// </summary>
public interface ILocalAuthListAdmin
{
    /// <summary>Reads the list.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The version and the entries sorted by idToken.</returns>
    ValueTask<AuthList> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds an entry or replaces the one with the same idToken and type.</summary>
    /// <param name="entry">The entry (type and status already validated against the OCPP enumerations).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Done, or refused with the reason (e.g. the list is full: <c>LocalAuthListCtrlr.Entries</c>).</returns>
    ValueTask<ControlOutcome> AddOrUpdateAsync(AuthListEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes an entry.</summary>
    /// <param name="idToken">The token.</param>
    /// <param name="type">Its IdTokenEnumType.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Done, or <see cref="ControlErrorCodes.NotFound"/> when there is no such entry.</returns>
    ValueTask<ControlOutcome> RemoveAsync(string idToken, string type, CancellationToken cancellationToken);
}
