namespace ChargerController.Hardware.Abstractions.Contactor;

/// <summary>The main contacts' position as reported by the mirror (auxiliary NC) contact.</summary>
public enum ContactorFeedback
{
    /// <summary>No mirror contact is wired for this contactor: the position is unknown.</summary>
    NotAvailable = 0,

    /// <summary>Mirror contact closed: every main contact is open.</summary>
    Open,

    /// <summary>Mirror contact open: at least one main contact is closed (or welded).</summary>
    Closed,
}
