namespace ChargerController.Station.Payment;

/// <summary>What a payment terminal reports about itself; shown as the read-only PaymentCtrlr variables.</summary>
public sealed record PaymentTerminalInfo
{
    /// <summary>Gets the terminal id (PaymentCtrlr.TerminalID).</summary>
    public string TerminalId { get; init; } = string.Empty;

    /// <summary>Gets the PSP the terminal uses (PaymentCtrlr.PaymentServiceProvider).</summary>
    public string PaymentServiceProvider { get; init; } = string.Empty;

    /// <summary>Gets the terminal's manufacturer.</summary>
    public string VendorName { get; init; } = string.Empty;

    /// <summary>Gets the terminal's model.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Gets the terminal's serial number.</summary>
    public string SerialNumber { get; init; } = string.Empty;

    /// <summary>Gets the terminal's firmware version.</summary>
    public string FirmwareVersion { get; init; } = string.Empty;

    /// <summary>Gets the IMSI of the terminal's SIM, if any.</summary>
    public string Imsi { get; init; } = string.Empty;

    /// <summary>Gets the ICCID of the terminal's SIM, if any.</summary>
    public string Iccid { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the terminal is connected to its PSP (PaymentCtrlr.Connected).</summary>
    public bool Connected { get; init; }
}
