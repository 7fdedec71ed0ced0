using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Messages.FirmwareManagement;

namespace ChargerController.Station.Firmware;

/// <content>One firmware update in flight.</content>
public sealed partial class FirmwareUpdateManager
{
    /// <summary>How far an update got; from <see cref="Installing"/> on it can no longer be canceled (L01.FR.27).</summary>
    private enum JobPhase
    {
        Scheduled,
        Downloading,
        Verifying,
        InstallScheduled,
        Installing,
        Activating,
    }

    /// <summary>An accepted UpdateFirmware: its request, validated certificate and cancellation.</summary>
    private sealed class UpdateJob
    {
        private readonly CancellationTokenSource _cancel;
        private int _phase;

        public UpdateJob(UpdateFirmwareRequest request, X509Certificate2? certificate, Task previous, CancellationToken shutdown)
        {
            Request = request;
            Certificate = certificate;
            Previous = previous;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        }

        public UpdateFirmwareRequest Request { get; }

        public int RequestId => Request.RequestId;

        public X509Certificate2? Certificate { get; }

        /// <summary>Gets the update this one canceled; it must have stopped sending before this one starts (L01.FR.10).</summary>
        public Task Previous { get; }

        public CancellationToken Token => _cancel.Token;

        public JobPhase Phase
        {
            get => (JobPhase)Volatile.Read(ref _phase);
            set => Volatile.Write(ref _phase, (int)value);
        }

        public bool Canceled { get; private set; }

        public Task Completion { get; set; } = Task.CompletedTask;

        public void Cancel()
        {
            Canceled = true;
            _cancel.Cancel();
        }

        public void Release()
        {
            _cancel.Dispose();
            Certificate?.Dispose();
        }
    }
}
