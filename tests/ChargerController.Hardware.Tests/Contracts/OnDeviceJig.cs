using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Board;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// The real devices of a Pi wired to the HIL jig (hardware/test-jig/README.md): the board profile from
/// CHARGER_BOARD_PROFILE (default generic-pi4.json) plus the jig's own relays on lines the profile leaves free.
/// Only constructed by OnDevice tests, which are skipped unless CHARGER_ONDEVICE=1.
/// </summary>
public sealed class OnDeviceJig : IDisposable
{
    public const string ProfileVariable = "CHARGER_BOARD_PROFILE";

    // Jig relays (test-jig README, "Jig control lines"): EV resistor network and PP coding resistors.
    public const int EvStateBLine = 13;
    public const int EvStateCLine = 18;
    public const int Pp13ALine = 14;
    public const int Pp32ALine = 15;

    private readonly LinuxGpioChip jigChip;
    private readonly List<IDigitalOutput> jigOutputs = [];

    public OnDeviceJig()
    {
        var path = Environment.GetEnvironmentVariable(ProfileVariable) ?? Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json");
        Options = BoardProfile.Load(path);
        Devices = BoardDevices.Open(Options, TimeProvider.System);
        var gpio = Options.Gpio!;
        jigChip = LinuxGpioChip.Open(gpio.Driver, gpio.ChipLabel, gpio.ChipNumber);
        EvStateB = Open(EvStateBLine);
        EvStateC = Open(EvStateCLine);
        Pp13A = Open(Pp13ALine);
        Pp32A = Open(Pp32ALine);
    }

    public HardwareOptions Options { get; }

    public BoardDevices Devices { get; }

    public IDigitalOutput EvStateB { get; }

    public IDigitalOutput EvStateC { get; }

    public IDigitalOutput Pp13A { get; }

    public IDigitalOutput Pp32A { get; }

    public static T Required<T>(T? device, string what)
        where T : class =>
        device ?? throw new InvalidOperationException($"The board profile has no {what}; the jig needs a profile that wires it.");

    /// <summary>A: nothing; B: 2.74 kΩ + diode; C: B plus 1.3 kΩ in parallel. Relays settle within 20 ms.</summary>
    public async Task SetEvLoadAsync(CpState state)
    {
        EvStateB.Write(state is CpState.B or CpState.C);
        EvStateC.Write(state == CpState.C);
        await Task.Delay(TimeSpan.FromMilliseconds(20));
    }

    /// <summary>null: PP open; 13 A: 1.5 kΩ; 32 A: 220 Ω.</summary>
    public async Task SetCableAsync(double? ratingA)
    {
        if (ratingA is not (null or 13.0 or 32.0))
        {
            throw new ArgumentOutOfRangeException(nameof(ratingA), ratingA, "The jig fits 13 A and 32 A coding resistors.");
        }

        Pp13A.Write(ratingA == 13.0);
        Pp32A.Write(ratingA == 32.0);
        await Task.Delay(TimeSpan.FromMilliseconds(20));
    }

    public void Dispose()
    {
        Devices.Dispose();
        foreach (var output in jigOutputs)
        {
            output.Dispose();
        }

        jigChip.Dispose();
    }

    private IDigitalOutput Open(int line)
    {
        var output = jigChip.OpenOutput(line, activeLow: false);
        jigOutputs.Add(output);
        return output;
    }
}
