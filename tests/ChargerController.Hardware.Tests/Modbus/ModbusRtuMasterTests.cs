using ChargerController.Hardware.Modbus;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Modbus;

public sealed class ModbusRtuMasterTests
{
    private static readonly ModbusRtuMasterOptions Options = new() { ResponseTimeout = TimeSpan.FromMilliseconds(500), Retries = 2 };

    private readonly FakeTimeProvider _time = new();
    private readonly FakeSerialLink _link = new();
    private readonly ModbusSlaveLogic _slave = new(1);

    public ModbusRtuMasterTests()
    {
        _slave.Load(ModbusFunctionCode.ReadInputRegisters, 0, [0x4366, 0x8000]);
        _link.Responder = _slave.Respond;
    }

    [Fact]
    public async Task Read_ValidAnswer_ReturnsRegisters()
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(new ushort[] { 0x4366, 0x8000 }, registers);
        Assert.Equal("01040000000271CB", Convert.ToHexString(Assert.Single(_link.Writes)));
    }

    [Fact]
    public async Task Read_SlaveNeverAnswers_TimesOutAfterRetriesInVirtualTime()
    {
        _slave.Silent = true;
        var master = new ModbusRtuMaster(_link, Options, _time);
        var start = _time.GetTimestamp();
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.Timeout, ex.Kind);
        Assert.Equal(3, _link.Writes.Count);
        Assert.True(_time.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(1500), "three 500 ms deadlines");
        Assert.Contains("no answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_CrcErrorOnce_RetriesAndSucceeds()
    {
        _slave.CorruptAnswers = 1;
        var master = new ModbusRtuMaster(_link, Options, _time);
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(new ushort[] { 0x4366, 0x8000 }, registers);
        Assert.Equal(2, _link.Writes.Count);
    }

    [Fact]
    public async Task Read_CrcErrorEveryTime_ThrowsCrcError()
    {
        _slave.CorruptAnswers = 100;
        var master = new ModbusRtuMaster(_link, Options, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.CrcError, ex.Kind);
        Assert.Equal(3, _link.Writes.Count);
    }

    [Fact]
    public async Task Read_ExceptionResponse_ThrowsWithCode_WithoutRetry()
    {
        _slave.StrictAddresses = true;
        var master = new ModbusRtuMaster(_link, Options, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 100, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.SlaveException, ex.Kind);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Single(_link.Writes);
    }

    [Fact]
    public async Task Read_BusyThenAnswer_RetriesBusy()
    {
        var busy = true;
        _link.Responder = request =>
        {
            if (!busy)
            {
                return _slave.Respond(request);
            }

            busy = false;
            var frame = new byte[] { 1, 0x84, 0x06, 0, 0 };
            ModbusCrc.Append(frame);
            return frame;
        };
        var master = new ModbusRtuMaster(_link, Options, _time);
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(2, registers.Length);
        Assert.Equal(2, _link.Writes.Count);
    }

    [Fact]
    public async Task Read_TruncatedAnswer_ReportsIncompleteAfterDeadline()
    {
        _slave.TruncateAnswers = 100;
        var master = new ModbusRtuMaster(_link, Options with { Retries = 0 }, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.Timeout, ex.Kind);
        Assert.Contains("incomplete answer (6 of 9 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_GarbageBeforeAnswer_Resynchronises()
    {
        _link.Responder = request => [0x00, 0xFF, 0x7E, .. _slave.Respond(request)!];
        var master = new ModbusRtuMaster(_link, Options, _time);
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(new ushort[] { 0x4366, 0x8000 }, registers);
        Assert.Single(_link.Writes);
    }

    [Fact]
    public async Task Read_AnswerWithOtherFunction_IsInvalidResponse()
    {
        _link.Responder = _ =>
        {
            var frame = new byte[] { 1, 0x03, 4, 0x43, 0x66, 0x80, 0x00, 0, 0 };
            ModbusCrc.Append(frame);
            return frame;
        };
        var master = new ModbusRtuMaster(_link, Options with { Retries = 1 }, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(2, _link.Writes.Count);
    }

    [Fact]
    public async Task Read_PortVanished_ThrowsPortUnavailable_ThenReconnectsOnNextUse()
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        _link.Vanished = true;
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.PortUnavailable, ex.Kind);

        _link.Vanished = false;
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(2, registers.Length);
        Assert.Equal(1, _link.OpenCount);
    }

    [Fact]
    public async Task Read_WriteStalls_GivesUpAsTimeout_NeverHangs()
    {
        _link.StallWrites = true;
        var master = new ModbusRtuMaster(_link, Options with { Retries = 1 }, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.Timeout, ex.Kind);
        Assert.Contains("write stalled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_PortPulledWhileWaiting_ThrowsPortUnavailable()
    {
        _slave.Silent = true;
        var master = new ModbusRtuMaster(_link, Options with { ResponseTimeout = TimeSpan.FromSeconds(30) }, _time);
        var pending = master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask();
        await Task.Delay(20);
        _link.Pull();
        var ex = await Assert.ThrowsAsync<ModbusException>(() => pending);
        Assert.Equal(ModbusErrorKind.PortUnavailable, ex.Kind);
    }

    [Fact]
    public async Task Requests_KeepInterFrameSilenceInVirtualTime()
    {
        var master = new ModbusRtuMaster(_link, Options with { BaudRate = 2400, BitsPerCharacter = 11, MinimumSilence = TimeSpan.Zero }, _time);
        await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        var second = master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask();
        await Task.Delay(20);
        Assert.Single(_link.Writes);

        // 3.5 characters of 11 bits at 2400 baud = 16.04 ms.
        _time.Advance(TimeSpan.FromMilliseconds(15));
        await Task.Delay(20);
        Assert.Single(_link.Writes);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        await second;
        Assert.Equal(2, _link.Writes.Count);
    }

    [Theory]
    [InlineData(2400, 11, 16.04)]
    [InlineData(9600, 11, 4.01)]
    [InlineData(19200, 10, 1.82)]
    [InlineData(115200, 10, 1.75)]
    public void InterFrameSilence_FollowsSerialLineSpec(int baud, int bits, double expectedMs)
    {
        var options = new ModbusRtuMasterOptions { BaudRate = baud, BitsPerCharacter = bits, MinimumSilence = TimeSpan.Zero };
        Assert.Equal(expectedMs, options.InterFrameSilence.TotalMilliseconds, 2);
    }

    [Fact]
    public async Task WriteSingle_EchoConfirms()
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        await VirtualTime.RunAsync(_time, () => master.WriteSingleRegisterAsync(1, 0x0001, 0x0003, default).AsTask());
        Assert.Equal((ushort)3, _slave.HoldingRegisters[1]);
    }

    [Fact]
    public async Task WriteMultiple_Confirmed()
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        await VirtualTime.RunAsync(_time, () => master.WriteMultipleRegistersAsync(1, 10, new ushort[] { 7, 8, 9 }, default).AsTask());
        Assert.Equal((ushort)9, _slave.HoldingRegisters[12]);
    }

    [Fact]
    public async Task WriteSingle_Broadcast_AwaitsNoAnswer()
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        await VirtualTime.RunAsync(_time, () => master.WriteSingleRegisterAsync(0, 5, 42, default).AsTask(), limit: TimeSpan.FromMilliseconds(100));
        Assert.Equal((ushort)42, _slave.HoldingRegisters[5]);
    }

    [Fact]
    public async Task DirectionControl_AssertedOnlyAroundTheRequest()
    {
        var de = new RecordingDigitalOutput();
        var levelsAtWrite = new List<bool>();
        _link.Responder = request =>
        {
            levelsAtWrite.Add(de.Value);
            return _slave.Respond(request);
        };
        var master = new ModbusRtuMaster(_link, Options, _time, de);
        await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal([true], levelsAtWrite);
        Assert.Equal([true, false], de.Levels);
        Assert.False(de.Value);
    }

    [Fact]
    public async Task EchoSuppression_DropsOwnRequestBeforeTheAnswer()
    {
        _link.Responder = request => [.. request, .. _slave.Respond(request)!];
        var master = new ModbusRtuMaster(_link, Options with { EchoSuppression = true }, _time);
        var registers = await VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask());
        Assert.Equal(new ushort[] { 0x4366, 0x8000 }, registers);
    }

    [Fact]
    public async Task EchoSuppression_CorruptedEcho_IsCollision()
    {
        _link.Responder = request => [.. request[..^1], 0x00, .. _slave.Respond(request)!];
        var master = new ModbusRtuMaster(_link, Options with { EchoSuppression = true, Retries = 0 }, _time);
        var ex = await Assert.ThrowsAsync<ModbusException>(() => VirtualTime.RunAsync(_time, () => master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, default).AsTask()));
        Assert.Equal(ModbusErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Read_CallerCancels_ThrowsOperationCanceled()
    {
        _slave.Silent = true;
        var master = new ModbusRtuMaster(_link, Options with { ResponseTimeout = TimeSpan.FromSeconds(30) }, _time);
        using var cts = new CancellationTokenSource();
        var pending = master.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 2, cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(248, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 126)]
    public void Read_InvalidArguments_ThrowSynchronously(int slave, int count)
    {
        var master = new ModbusRtuMaster(_link, Options, _time);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.ReadRegistersAsync((byte)slave, ModbusFunctionCode.ReadInputRegisters, 0, (ushort)count, default).AsTask(); });
        Assert.Empty(_link.Writes);
    }
}
