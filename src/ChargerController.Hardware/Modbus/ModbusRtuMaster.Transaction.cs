using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Modbus;

/// <summary>One request/answer exchange with retries: silence, send (with direction control), receive by length, check.</summary>
public sealed partial class ModbusRtuMaster
{
    private enum Outcome
    {
        Answer,
        SlaveException,
        Timeout,
        CrcError,
        Invalid,
    }

    private async ValueTask<byte[]> TransactAsync(byte[] request, byte slaveAddress, ModbusFunctionCode functionCode, int expectedLength, Func<byte[], bool> isAnswer, CancellationToken cancellationToken)
    {
        var attempts = _options.Retries + 1;
        var lastKind = ModbusErrorKind.Timeout;
        var lastReason = "no answer";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (Outcome Outcome, byte[] Frame, string Reason) result;
            try
            {
                await WaitForSilenceAsync(cancellationToken).ConfigureAwait(false);
                _link.DiscardInput();
                result = await SendWithDeadlineAsync(request, cancellationToken).ConfigureAwait(false)
                    ? await ReceiveAsync(request, slaveAddress, functionCode, expectedLength, cancellationToken).ConfigureAwait(false)
                    : (Outcome.Timeout, [], "the request could not be sent (write stalled)");
            }
            catch (SerialPortLinkException ex)
            {
                ModbusLog.PortUnavailable(_logger, _link.PortName, ex.Message);
                throw new ModbusException(ModbusErrorKind.PortUnavailable, slaveAddress, functionCode, ex.Message, innerException: ex);
            }
            finally
            {
                MarkActivity();
            }

            switch (result.Outcome)
            {
                case Outcome.Answer when isAnswer(result.Frame):
                    return result.Frame;
                case Outcome.Answer:
                    (lastKind, lastReason) = (ModbusErrorKind.InvalidResponse, "answer does not match the request");
                    break;
                case Outcome.SlaveException:
                    var code = (ModbusExceptionCode)result.Frame[2];

                    // Busy (0x06) is transient by definition; every other exception is the slave's final word.
                    if (code == ModbusExceptionCode.ServerDeviceBusy && attempt < attempts)
                    {
                        (lastKind, lastReason) = (ModbusErrorKind.SlaveException, "slave busy");
                        break;
                    }

                    throw new ModbusException(ModbusErrorKind.SlaveException, slaveAddress, functionCode, $"{_link.PortName} slave {slaveAddress}: exception 0x{(byte)code:X2} ({code}) to function 0x{(byte)functionCode:X2}", code);
                case Outcome.CrcError:
                    (lastKind, lastReason) = (ModbusErrorKind.CrcError, result.Reason);
                    break;
                case Outcome.Invalid:
                    (lastKind, lastReason) = (ModbusErrorKind.InvalidResponse, result.Reason);
                    break;
                default:
                    (lastKind, lastReason) = (ModbusErrorKind.Timeout, result.Reason);
                    break;
            }

            ModbusLog.AttemptFailed(_logger, _link.PortName, slaveAddress, functionCode, attempt, lastKind, lastReason);
        }

        ModbusLog.TransactionFailed(_logger, _link.PortName, slaveAddress, functionCode, attempts, lastKind, lastReason);
        throw new ModbusException(lastKind, slaveAddress, functionCode, $"{_link.PortName} slave {slaveAddress}: {lastReason} (function 0x{(byte)functionCode:X2}, {attempts} attempts)");
    }

    private async ValueTask BroadcastAsync(byte[] request, ModbusFunctionCode functionCode, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForSilenceAsync(cancellationToken).ConfigureAwait(false);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (SerialPortLinkException ex)
        {
            throw new ModbusException(ModbusErrorKind.PortUnavailable, 0, functionCode, ex.Message, innerException: ex);
        }
        finally
        {
            MarkActivity();
        }
    }

    private async ValueTask WaitForSilenceAsync(CancellationToken cancellationToken)
    {
        if (!_hasActivity)
        {
            return;
        }

        var remaining = _options.InterFrameSilence - _time.GetElapsedTime(_lastActivity);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> SendWithDeadlineAsync(byte[] request, CancellationToken cancellationToken)
    {
        // A write drains at the baud rate; one that takes longer than its wire time plus the response timeout is stuck
        // (adapter wedged, flow control): give up on it rather than hang the bus.
        using var deadline = new CancellationTokenSource((_options.CharacterTime * request.Length) + _options.ResponseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await SendAsync(request, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async ValueTask SendAsync(byte[] request, CancellationToken cancellationToken)
    {
        if (_direction is null)
        {
            await _link.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            return;
        }

        var started = _time.GetTimestamp();
        _direction.Write(true);
        try
        {
            await _link.WriteAsync(request, cancellationToken).ConfigureAwait(false);

            // The write completes when the kernel has the bytes, not when the last stop bit left the UART:
            // hold DE for the frame's wire time, or the tail of the request is cut off (REFERENCE 3.5, option 3).
            var hold = (_options.CharacterTime * request.Length) + _options.DirectionHoldTime - _time.GetElapsedTime(started);
            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _direction.Write(false);
        }
    }

    private async ValueTask<(Outcome Outcome, byte[] Frame, string Reason)> ReceiveAsync(byte[] request, byte slaveAddress, ModbusFunctionCode functionCode, int expectedLength, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ResponseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var exceptionFunction = (byte)((byte)functionCode | 0x80);
        var count = 0;
        var expected = expectedLength;
        try
        {
            if (_options.EchoSuppression && !await ReadEchoAsync(request, linked.Token).ConfigureAwait(false))
            {
                return (Outcome.Invalid, [], "echo of the request was corrupted (bus collision?)");
            }

            while (count < expected)
            {
                count += await _link.ReadAsync(_rx.AsMemory(count, expected - count), linked.Token).ConfigureAwait(false);

                // A glitch when a transceiver switches direction often leaves a stray byte before the answer:
                // resynchronise on the slave address instead of failing the whole exchange.
                var skip = _rx.AsSpan(0, count).IndexOf(slaveAddress);
                skip = skip < 0 ? count : skip;
                if (skip > 0)
                {
                    _rx.AsSpan(skip, count - skip).CopyTo(_rx);
                    count -= skip;
                }

                if (count >= 2)
                {
                    expected = _rx[1] == exceptionFunction ? ModbusRtuFrames.ExceptionResponseLength : expectedLength;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Outcome.Timeout, [], count == 0 ? "no answer" : $"incomplete answer ({count} of {expected} bytes)");
        }

        var frame = _rx.AsSpan(0, expected).ToArray();
        if (!ModbusCrc.IsValidFrame(frame))
        {
            return (Outcome.CrcError, frame, $"CRC error in {expected}-byte answer");
        }

        if (frame[1] == exceptionFunction)
        {
            return (Outcome.SlaveException, frame, "exception");
        }

        return frame[1] == (byte)functionCode
            ? (Outcome.Answer, frame, string.Empty)
            : (Outcome.Invalid, frame, $"answer carries function 0x{frame[1]:X2}");
    }

    private async ValueTask<bool> ReadEchoAsync(byte[] request, CancellationToken cancellationToken)
    {
        var echo = new byte[request.Length];
        var count = 0;
        while (count < echo.Length)
        {
            count += await _link.ReadAsync(echo.AsMemory(count), cancellationToken).ConfigureAwait(false);
        }

        return echo.AsSpan().SequenceEqual(request);
    }

    private void MarkActivity()
    {
        _lastActivity = _time.GetTimestamp();
        _hasActivity = true;
    }
}
