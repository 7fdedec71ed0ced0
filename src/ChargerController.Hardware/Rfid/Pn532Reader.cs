using System.Runtime.CompilerServices;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Hardware.Rfid;

/// <summary>
/// PN532 13.56 MHz reader over HSU (UART, 115200 8N1): wakes the chip, limits its activation retries, then polls
/// InListPassiveTarget for ISO/IEC 14443 type A cards. Any fault (port gone, chip silent, corrupt frames) re-initialises
/// the chip after <see cref="RfidReaderOptions.RetryDelay"/>.
/// </summary>
public sealed class Pn532Reader : IRfidReader
{
    // A few activation attempts per poll: the chip answers "no card" quickly instead of blocking forever (0xFF default).
    private const byte PassiveActivationRetries = 0x02;

    private readonly ISerialLink _link;
    private readonly RfidReaderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the reader. It does not own the link.</summary>
    /// <param name="link">The UART.</param>
    /// <param name="options">Poll, debounce and retry timing.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Optional logger.</param>
    public Pn532Reader(ISerialLink link, RfidReaderOptions options, TimeProvider timeProvider, ILogger? logger = null)
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
        var client = new Pn532Client(_link, _time, _options.CommandTimeout);
        var debouncer = new RfidReadDebouncer(_options.DebounceWindow, _time);
        var ready = false;
        while (true)
        {
            byte[]? uid = null;
            string? fault = null;
            try
            {
                if (!ready)
                {
                    await client.WakeUpAsync(cancellationToken).ConfigureAwait(false);
                    await client.SetMaxRetriesAsync(PassiveActivationRetries, cancellationToken).ConfigureAwait(false);
                    ready = true;
                    RfidLog.ReaderReady(_logger, _link.PortName, "PN532");
                }

                uid = await client.InListPassiveTargetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SerialPortLinkException ex)
            {
                fault = ex.Message;
            }
            catch (RfidReaderException ex)
            {
                fault = ex.Message;
            }

            if (fault is not null)
            {
                ready = false;
                RfidLog.ReaderUnavailable(_logger, _link.PortName, _options.RetryDelay, fault);
                await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (uid is not null && debouncer.ShouldReport(uid))
            {
                yield return new CardRead(uid, CardTechnology.Iso14443A, _time.GetUtcNow());
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
