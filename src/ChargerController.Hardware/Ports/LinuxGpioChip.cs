using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace ChargerController.Hardware.Ports;

/// <summary>
/// One GPIO chip opened through libgpiod (the character device <c>/dev/gpiochipN</c>), the single owner of its lines.
/// Chips are chosen by label (<c>pinctrl-bcm2711</c>, <c>pinctrl-rp1</c>) because their numbers changed across kernels.
/// </summary>
public sealed class LinuxGpioChip : IDisposable
{
    private readonly GpioController controller;
    private readonly bool ownsController;

    internal LinuxGpioChip(GpioController controller, bool ownsController)
    {
        this.controller = controller;
        this.ownsController = ownsController;
    }

    /// <summary>Opens the chip with the given label (preferred) or number.</summary>
    /// <param name="driver">libgpiod generation installed on the system.</param>
    /// <param name="chipLabel">Chip label, or <see langword="null"/> to use <paramref name="chipNumber"/>.</param>
    /// <param name="chipNumber">Chip number when no label is given.</param>
    /// <returns>The opened chip.</returns>
    /// <exception cref="InvalidOperationException">No chip carries that label.</exception>
    /// <exception cref="IOException">The libgpiod library of that generation is not installed.</exception>
    public static LinuxGpioChip Open(GpioDriverKind driver, string? chipLabel, int chipNumber)
    {
        try
        {
            return new LinuxGpioChip(new GpioController(CreateDriver(driver, chipLabel, chipNumber)), ownsController: true);
        }
        catch (DllNotFoundException ex)
        {
            var (library, package, other) = driver == GpioDriverKind.Libgpiod2
                ? ("libgpiod.so.3", "libgpiod3", "Libgpiod")
                : ("libgpiod.so.2", "libgpiod2", "Libgpiod2");
            throw new IOException(
                $"GPIO driver {driver} needs {library}: install the Debian package {package}, or set gpio.driver to \"{other}\" in the board profile if this OS ships the other libgpiod generation.",
                ex);
        }
    }

    private static GpioDriver CreateDriver(GpioDriverKind driver, string? chipLabel, int chipNumber) =>
        driver switch
        {
            GpioDriverKind.Libgpiod2 => chipLabel is null
                ? new LibGpiodV2Driver(chipNumber)
                : new LibGpiodV2Driver(FindChip(LibGpiodV2Driver.GetAvailableChips(), chipLabel)),
            _ => chipLabel is null
                ? new LibGpiodDriver(chipNumber)
                : new LibGpiodDriver(FindChip(LibGpiodDriver.GetAvailableChips(), chipLabel)),
        };

    /// <summary>Opens an output line driven inactive from the first instant (no glitch on open).</summary>
    /// <param name="line">Line offset on the chip (BCM GPIO number on a Pi).</param>
    /// <param name="activeLow">Whether "active" is the low level (e.g. an active-low relay board).</param>
    /// <returns>The output; disposing it drives it inactive and releases the line.</returns>
    public IDigitalOutput OpenOutput(int line, bool activeLow)
    {
        controller.OpenPin(line, PinMode.Output, activeLow ? PinValue.High : PinValue.Low);
        return new GpioDigitalOutput(controller, line, activeLow);
    }

    /// <summary>Opens an input line.</summary>
    /// <param name="line">Line offset on the chip.</param>
    /// <param name="activeLow">Whether "active" is the low level (e.g. a contact to ground with pull-up).</param>
    /// <param name="bias">Internal bias.</param>
    /// <returns>The input; disposing it releases the line.</returns>
    public IDigitalInput OpenInput(int line, bool activeLow, InputBias bias)
    {
        var mode = bias switch
        {
            InputBias.PullUp => PinMode.InputPullUp,
            InputBias.PullDown => PinMode.InputPullDown,
            _ => PinMode.Input,
        };
        controller.OpenPin(line, mode);
        return new GpioDigitalInput(controller, line, activeLow);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsController)
        {
            controller.Dispose();
        }
    }

    private static GpioChipInfo FindChip(IEnumerable<GpioChipInfo> chips, string label)
    {
        var list = chips.ToList();
        return list.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"No GPIO chip labelled '{label}'. Available: {string.Join(", ", list.Select(c => $"{c.Name} [{c.Label}]"))}.");
    }
}
