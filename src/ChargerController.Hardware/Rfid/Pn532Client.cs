using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Rfid;

/// <summary>
/// PN532 command exchange over HSU (UART): send a command frame, expect the ACK, then the response whose code is the
/// command plus one (REFERENCE 5.2). Every exchange has our own deadline; on expiry the running command is aborted by
/// sending an ACK, so the chip is ready for the next command.
/// </summary>
public sealed class Pn532Client
{
    private readonly ISerialLink _link;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly byte[] _rx = new byte[512];
    private int _count;

    /// <summary>Creates the client. It does not own the link.</summary>
    /// <param name="link">The UART (115200 8N1 by default).</param>
    /// <param name="timeProvider">Clock for deadlines.</param>
    /// <param name="commandTimeout">Deadline for ACK plus response of one command.</param>
    public Pn532Client(ISerialLink link, TimeProvider timeProvider, TimeSpan commandTimeout)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _link = link;
        _time = timeProvider;
        _timeout = commandTimeout;
    }

    /// <summary>Wakes the chip from power-down and selects normal mode (SAMConfiguration mode 1, no SAM).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes when the chip confirmed.</returns>
    /// <exception cref="RfidReaderException">No or invalid answer.</exception>
    /// <exception cref="SerialPortLinkException">The port is unavailable.</exception>
    public async ValueTask WakeUpAsync(CancellationToken cancellationToken)
    {
        await _link.WriteAsync(Pn532Frames.WakeUp.ToArray(), cancellationToken).ConfigureAwait(false);

        // Mode 0x01 normal, timeout 0x14 (×50 ms, used only in virtual-card mode), 0x01 = drive P70_IRQ.
        await ExecuteAsync(Pn532Frames.SamConfiguration, [0x01, 0x14, 0x01], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Limits how often InListPassiveTarget retries activation, so a poll returns "no card" instead of blocking.</summary>
    /// <param name="passiveActivationRetries">MxRtyPassiveActivation (0xFF = forever, the chip default).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes when the chip confirmed.</returns>
    public async ValueTask SetMaxRetriesAsync(byte passiveActivationRetries, CancellationToken cancellationToken) =>
        await ExecuteAsync(Pn532Frames.RfConfiguration, [0x05, 0xFF, 0x01, passiveActivationRetries], cancellationToken).ConfigureAwait(false);

    /// <summary>Looks for one ISO/IEC 14443 type A card at 106 kbps.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The card's UID (NFCID1, 4/7/10 bytes), or <see langword="null"/> when none is in the field.</returns>
    /// <exception cref="RfidReaderException">No or invalid answer.</exception>
    /// <exception cref="SerialPortLinkException">The port is unavailable.</exception>
    public async ValueTask<byte[]?> InListPassiveTargetAsync(CancellationToken cancellationToken)
    {
        var data = await ExecuteAsync(Pn532Frames.InListPassiveTarget, [0x01, 0x00], cancellationToken).ConfigureAwait(false);

        // NbTg, then Tg, SENS_RES (2), SEL_RES (1), NFCIDLength, NFCID1… (UM0701 §7.3.5).
        if (data.Length < 1 || data[0] == 0)
        {
            return null;
        }

        if (data.Length < 6 || data[5] is not (4 or 7 or 10) || data.Length < 6 + data[5])
        {
            throw new RfidReaderException($"{_link.PortName}: malformed InListPassiveTarget answer ({Convert.ToHexString(data)})");
        }

        return data.AsSpan(6, data[5]).ToArray();
    }

    /// <summary>Runs one command.</summary>
    /// <param name="command">Command code.</param>
    /// <param name="parameters">Parameters.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The response data after the response code.</returns>
    /// <exception cref="RfidReaderException">No ACK, no or invalid answer, or an application error frame.</exception>
    /// <exception cref="SerialPortLinkException">The port is unavailable.</exception>
    public async ValueTask<byte[]> ExecuteAsync(byte command, byte[] parameters, CancellationToken cancellationToken)
    {
        var request = Pn532Frames.BuildCommand(command, parameters);
        string problem = "no answer";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            _link.DiscardInput();
            _count = 0;
            using var deadline = new CancellationTokenSource(_timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                await _link.WriteAsync(request, linked.Token).ConfigureAwait(false);
                var acknowledged = false;
                while (true)
                {
                    var frame = await ReadFrameAsync(linked.Token).ConfigureAwait(false);
                    switch (frame.Kind)
                    {
                        case Pn532FrameKind.Ack:
                            acknowledged = true;
                            continue;
                        case Pn532FrameKind.Response when frame.Payload[0] == command + 1:
                            // An ACK lost to noise is harmless once the matching response is here.
                            return frame.Payload[1..];
                        case Pn532FrameKind.ApplicationError:
                            throw new RfidReaderException($"{_link.PortName}: PN532 rejected command 0x{command:X2} (application error frame)");
                        case Pn532FrameKind.Nack:
                            problem = "NACK";
                            break;
                        case Pn532FrameKind.Corrupt:
                            problem = acknowledged ? "corrupt response (checksum)" : "corrupt ACK (checksum)";
                            break;
                        default:
                            problem = $"unexpected response 0x{frame.Payload[0]:X2}";
                            break;
                    }

                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // UM0701: an ACK from the host aborts the command in progress (e.g. an endless InListPassiveTarget).
                using var abortDeadline = new CancellationTokenSource(_timeout, _time);
                using var abortLinked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abortDeadline.Token);
                try
                {
                    await _link.WriteAsync(Pn532Frames.Ack.ToArray(), abortLinked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The line is wedged; the reader re-initialises the chip after its retry delay anyway.
                }

                throw new RfidReaderException($"{_link.PortName}: no answer from the PN532 to command 0x{command:X2} within {_timeout.TotalMilliseconds} ms (wiring, HSU mode pins, baud rate?)");
            }
        }

        throw new RfidReaderException($"{_link.PortName}: PN532 command 0x{command:X2} failed: {problem}");
    }

    private async ValueTask<Pn532ReceivedFrame> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_count > 0)
            {
                var found = Pn532Frames.TryParse(_rx.AsSpan(0, _count), out var frame, out var consumed);
                if (consumed > 0)
                {
                    _rx.AsSpan(consumed, _count - consumed).CopyTo(_rx);
                    _count -= consumed;
                }

                if (found)
                {
                    return frame!;
                }
            }

            if (_count == _rx.Length)
            {
                _count = 0;
            }

            _count += await _link.ReadAsync(_rx.AsMemory(_count), cancellationToken).ConfigureAwait(false);
        }
    }
}
