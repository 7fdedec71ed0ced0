namespace ChargerController.Ocpp.Tests.Engine.TestModel;

/// <summary>A stand-in for the generated ActionCatalog: which actions each version defines.</summary>
public static class TestActions
{
    private static readonly HashSet<string> V201 = ["Heartbeat", "Reset", "BootNotification", "UnlockConnector", "GetLog", "DataTransfer"];
    private static readonly HashSet<string> V21Only = ["NotifyPeriodicEventStream", "AFRRSignal", "SetDERControl"];

    public static bool IsKnown(OcppVersion version, string action) =>
        V201.Contains(action) || (version == OcppVersion.V21 && V21Only.Contains(action));
}
