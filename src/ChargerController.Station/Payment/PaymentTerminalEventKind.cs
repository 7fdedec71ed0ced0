namespace ChargerController.Station.Payment;

/// <summary>What happened at the payment terminal.</summary>
public enum PaymentTerminalEventKind
{
    /// <summary>The PSP approved the card and reserved the authorization amount; the event carries the pspRef.</summary>
    Approved = 0,

    /// <summary>The PSP declined the card: the driver is not authorized (C18 error handling).</summary>
    Declined,

    /// <summary>The terminal could not reach the PSP or failed: the driver is not authorized (C18 error handling).</summary>
    Failed,

    /// <summary>The driver cancelled an approved payment at the terminal (C19/C20); the event carries its pspRef.</summary>
    CancelRequested,
}
