using System.Runtime.CompilerServices;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Hardware.Rfid;

/// <summary>
/// RDM6300 125 kHz reader (EM4100 tags) on a UART at 9600 8N1. The module only transmits: a frame per tag
/// presentation, repeated while the tag stays in the field; repeats are debounced here.
/// </summary>
public sealed class Rdm6300Reader : IRfidReader
{
    private readonly ISerialLink _link;
    private readonly RfidReaderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the reader. It does not own the link.</summary>
    /// <param name="link">The UART.</param>
    /// <param name="options">Debounce and retry timing.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Optional logger.</param>
    public Rdm6300Reader(ISerialLink link, RfidReaderOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _link = link;
        _options = options;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CardRead> ReadCardsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoder = new Rdm6300FrameDecoder();
        var debouncer = new RfidReadDebouncer(_options.DebounceWindow, _time);
        var buffer = new byte[64];
        while (true)
        {
            int received;
            try
            {
                received = await _link.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (SerialPortLinkException ex)
            {
                RfidLog.ReaderUnavailable(_logger, _link.PortName, _options.RetryDelay, ex.Message);
                await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
                decoder = new Rdm6300FrameDecoder();
                continue;
            }

            for (var i = 0; i < received; i++)
            {
                if (decoder.Push(buffer[i]) is { } id && debouncer.ShouldReport(id))
                {
                    yield return new CardRead(id, CardTechnology.Em4100, _time.GetUtcNow());
                }
            }
        }
    }
}
