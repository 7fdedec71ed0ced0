namespace ChargerController.Hardware.Abstractions.Rcd;

/// <summary>Outcome of <see cref="RcdSelfTest.RunAsync"/>.</summary>
public enum RcdSelfTestResult
{
    /// <summary>The module tripped on the test and released afterwards.</summary>
    Passed,

    /// <summary>The module has no test input; nothing was tested.</summary>
    NotSupported,

    /// <summary>The fault input was already active before the test: a real fault or a stuck module.</summary>
    TrippedBeforeTest,

    /// <summary>The module did not signal a trip within the limit while the test input was asserted.</summary>
    NoTripOnTest,

    /// <summary>The fault input stayed active after the test input was released.</summary>
    TripDidNotClear,
}
