namespace ChargerController.Control.Wire;

/// <summary>The stable error codes of the control socket; chargerctl maps them to exit codes.</summary>
public static class ControlErrorCodes
{
    /// <summary>The command name is not known to this chargerd.</summary>
    public const string UnknownCommand = "UnknownCommand";

    /// <summary>An argument is missing or out of range.</summary>
    public const string InvalidArgument = "InvalidArgument";

    /// <summary>The station refuses in its current state (e.g. hardware test while charging).</summary>
    public const string Refused = "Refused";

    /// <summary>The command exists only in simulation mode.</summary>
    public const string NotSimulated = "NotSimulated";

    /// <summary>The feature exists but is not available in this chargerd (e.g. no local authorization list is composed).</summary>
    public const string NotAvailable = "NotAvailable";

    /// <summary>The named item (configuration key, list entry) does not exist.</summary>
    public const string NotFound = "NotFound";

    /// <summary>An unexpected failure inside chargerd (logged there).</summary>
    public const string Internal = "Internal";
}
