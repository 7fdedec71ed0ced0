using System.Collections.Concurrent;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Smart charging's side of K05 as the tests need it: TxProfile only, records what it installs.</summary>
internal sealed class RecordingProfileInstaller : IChargingProfileInstaller
{
    public ConcurrentQueue<(int EvseId, string TransactionId, int ProfileId)> Installed { get; } = new();

    public string? Validate(int evseId, ChargingProfileType profile) =>
        profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.TxProfile && profile.TransactionId is null ? null : "InvalidProfile";

    public ValueTask InstallForTransactionAsync(int evseId, string transactionId, ChargingProfileType profile, CancellationToken cancellationToken)
    {
        Installed.Enqueue((evseId, transactionId, profile.Id));
        return ValueTask.CompletedTask;
    }
}
