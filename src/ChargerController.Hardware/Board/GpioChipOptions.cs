using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Board;

/// <summary>Which GPIO chip and libgpiod generation to use.</summary>
public sealed class GpioChipOptions
{
    /// <summary>libgpiod 1.x (Bookworm) or 2.x (Trixie).</summary>
    public GpioDriverKind Driver { get; set; }

    /// <summary>Chip label (preferred: numbers change across kernels), e.g. <c>pinctrl-bcm2711</c>, <c>pinctrl-rp1</c>.</summary>
    public string? ChipLabel { get; set; }

    /// <summary>Chip number, used only without <see cref="ChipLabel"/>.</summary>
    public int ChipNumber { get; set; }
}
