using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Reservations;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Worker.Station;

/// <summary>
/// The reservation gate the session coordinator consults, resolved on first use: reservations follow the transactions
/// (a reserved EVSE that gets a transaction is consumed) and the transactions follow the sessions, so a constructor
/// dependency from the sessions to the reservations would close a cycle in the container.
/// </summary>
internal sealed class DeferredReservationGate(IServiceProvider services) : IReservationGate
{
    private ReservationManager Target => services.GetRequiredService<ReservationManager>();

    /// <inheritdoc/>
    public ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken) => Target.Check(evseId, idToken, groupIdToken);

    /// <inheritdoc/>
    public ValueTask ConsumeAsync(int reservationId, CancellationToken cancellationToken) => Target.ConsumeAsync(reservationId, cancellationToken);
}
