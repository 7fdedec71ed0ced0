using System.Device.Gpio;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>An in-memory GPIO chip under a real <see cref="GpioController"/> (REFERENCE §7.3): records every level written.</summary>
public sealed class FakeGpioDriver : GpioDriver
{
    public Dictionary<int, PinMode> Modes { get; } = [];

    public Dictionary<int, PinValue> Levels { get; } = [];

    public List<(int Pin, PinValue Value)> Writes { get; } = [];

    public HashSet<int> Open { get; } = [];

    /// <summary>The level of each pin at the instant it was opened as an output (glitch check).</summary>
    public Dictionary<int, PinValue> LevelAtOpen { get; } = [];

    protected override int PinCount => 58;

    protected override void OpenPin(int pinNumber) => Open.Add(pinNumber);

    protected override void ClosePin(int pinNumber) => Open.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => Modes[pinNumber] = mode;

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        Levels[pinNumber] = initialValue;
        LevelAtOpen[pinNumber] = initialValue;
        Modes[pinNumber] = mode;
    }

    protected override PinMode GetPinMode(int pinNumber) => Modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => Levels.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value)
    {
        Levels[pinNumber] = value;
        Writes.Add((pinNumber, value));
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}
