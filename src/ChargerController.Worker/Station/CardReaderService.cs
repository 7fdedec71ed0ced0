using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Station.Sessions;
using Microsoft.Extensions.Hosting;

namespace ChargerController.Worker.Station;

/// <summary>Feeds the station's RFID reader into the session coordinator for the life of the host.</summary>
internal sealed class CardReaderService(SessionCoordinator sessions, IRfidReader reader) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sessions.RunAsync(reader, stoppingToken);
}
