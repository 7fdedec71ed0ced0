namespace ChargerController.Hardware.Ports;

/// <summary>
/// Finds a pwmchip by the platform device behind it (<c>/sys/class/pwm/pwmchipN/device</c> → <c>…/1f00098000.pwm</c> on
/// a Pi 5, <c>fe20c000.pwm</c> on a Pi 4): the kernel numbers pwmchips in probe order, which moved between 6.6 and 6.12
/// (raspberrypi/linux #6818), so configuration names the device instead of the number.
/// </summary>
public static class PwmChipLocator
{
    /// <summary>The sysfs PWM class directory.</summary>
    public const string DefaultSysClassPwm = "/sys/class/pwm";

    /// <summary>Resolves the chip number.</summary>
    /// <param name="deviceName">Platform device name, e.g. <c>1f00098000.pwm</c>; a suffix match is enough.</param>
    /// <param name="sysClassPwm">The class directory (tests point it at a fake tree).</param>
    /// <returns>The chip number.</returns>
    /// <exception cref="InvalidOperationException">No chip or more than one chip matches; the message lists what exists.</exception>
    public static int FindChip(string deviceName, string sysClassPwm = DefaultSysClassPwm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        var chips = Directory.Exists(sysClassPwm)
            ? Directory.GetDirectories(sysClassPwm, "pwmchip*").Concat(Directory.GetFiles(sysClassPwm, "pwmchip*")).ToList()
            : [];
        var found = new List<(int Number, string Device)>();
        foreach (var chip in chips)
        {
            if (!int.TryParse(Path.GetFileName(chip).AsSpan("pwmchip".Length), out var number))
            {
                continue;
            }

            var device = ResolveDevice(Path.Combine(chip, "device"));
            found.Add((number, device));
        }

        var matches = found.Where(f => f.Device.EndsWith(deviceName, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Number,
            0 => throw new InvalidOperationException(
                $"No pwmchip under {sysClassPwm} belongs to device '{deviceName}' (is the pwm overlay loaded?). Found: "
                + (found.Count == 0 ? "none" : string.Join(", ", found.Select(f => $"pwmchip{f.Number} → {f.Device}"))) + "."),
            _ => throw new InvalidOperationException(
                $"Device name '{deviceName}' matches several pwmchips ({string.Join(", ", matches.Select(m => $"pwmchip{m.Number}"))}); give the full name."),
        };
    }

    private static string ResolveDevice(string deviceLink)
    {
        var info = new FileInfo(deviceLink);
        var target = info.LinkTarget ?? new DirectoryInfo(deviceLink).LinkTarget;
        return target is null ? string.Empty : Path.GetFileName(target.TrimEnd('/'));
    }
}
