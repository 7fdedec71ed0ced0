using ChargerController.Station.Evse;

namespace ChargerController.Worker.Station;

/// <summary>
/// The smart-charging limit of one EVSE, bound after the container is built: the EVSE controllers must exist before the
/// transaction manager that smart charging follows, so the limit cannot be a constructor argument. Until it is bound
/// it offers 0 A — a missing smart-charging binding pauses charging instead of allowing the full hardware rating.
/// </summary>
internal sealed class DeferredCurrentLimitSource : ICurrentLimitSource
{
    private volatile ICurrentLimitSource? _target;

    /// <summary>Gets a value indicating whether the real source is bound.</summary>
    public bool IsBound => _target is not null;

    /// <summary>Binds the real source.</summary>
    /// <param name="target">The smart-charging limit of this EVSE.</param>
    public void Bind(ICurrentLimitSource target) => _target = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc/>
    public double? GetCurrentLimitA(DateTimeOffset now) => _target is { } target ? target.GetCurrentLimitA(now) : 0;
}
