using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Reservations;

namespace ChargerController.Station.Payment;

/// <summary>
/// The start gate of the session layer with web payments (C25.FR.22): while a web payment holds an EVSE, a card tapped
/// there does not start a session on it (the session layer picks another free EVSE, or refuses). A DirectPayment token
/// passes: that is the CSMS's RequestStartTransaction for the payment (C25.FR.23), which ends the hold. Everything else
/// is the wrapped gate's decision (reservations, H03).
/// </summary>
public sealed class WebPaymentGate : IReservationGate
{
    private readonly IReservationGate inner;
    private readonly WebPaymentHolds holds;
    private readonly TimeProvider time;

    /// <summary>Initializes a new instance of the <see cref="WebPaymentGate"/> class.</summary>
    /// <param name="inner">The reservation gate.</param>
    /// <param name="holds">The EVSEs held by web payments.</param>
    /// <param name="time">The station clock.</param>
    public WebPaymentGate(IReservationGate inner, WebPaymentHolds holds, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentNullException.ThrowIfNull(time);
        this.inner = inner;
        this.holds = holds;
        this.time = time;
    }

    /// <inheritdoc />
    public ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        if (idToken.Type != PaymentTokens.DirectPayment && holds.IsHeld(evseId, time.GetUtcNow()))
        {
            return new ReservationCheck(false, null);
        }

        return inner.Check(evseId, idToken, groupIdToken);
    }

    /// <inheritdoc />
    public ValueTask ConsumeAsync(int reservationId, CancellationToken cancellationToken) => inner.ConsumeAsync(reservationId, cancellationToken);
}
