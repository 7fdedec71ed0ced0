using Xunit.Sdk;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// A fact of an abstract contract suite (house rule 11). Runs for every derived class; in a class tagged
/// <c>[Trait("Category", "OnDevice")]</c> it is reported as skipped unless <c>CHARGER_ONDEVICE=1</c> is set
/// (a Pi wired to the jig in hardware/test-jig/).
/// </summary>
[XunitTestCaseDiscoverer("ChargerController.Hardware.Tests.Contracts.ContractFactDiscoverer", "ChargerController.Hardware.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ContractFactAttribute : FactAttribute
{
}
