using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.SmartCharging;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Station.Transactions;

/// <summary>
/// Resolves smart charging's <see cref="IChargingProfileInstaller"/> on first use instead of at construction: smart
/// charging follows the transactions (it needs <c>IStationTransactions</c>), and the transactions hand it K05 profiles,
/// so one of the two must be late-bound or the container would build a cycle.
/// </summary>
internal sealed class DeferredChargingProfileInstaller(IServiceProvider services) : IChargingProfileInstaller
{
    private IChargingProfileInstaller? Target => services.GetService<IChargingProfileInstaller>();

    /// <inheritdoc/>
    public string? Validate(int evseId, ChargingProfileType profile) =>
        Target is { } target ? target.Validate(evseId, profile) : "SmartChargingNotSupported";

    /// <inheritdoc/>
    public ValueTask InstallForTransactionAsync(int evseId, string transactionId, ChargingProfileType profile, CancellationToken cancellationToken) =>
        Target is { } target ? target.InstallForTransactionAsync(evseId, transactionId, profile, cancellationToken) : ValueTask.CompletedTask;
}
