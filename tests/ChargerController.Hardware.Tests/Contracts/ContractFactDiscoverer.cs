using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests, skipping on-device ones off the device.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string OnDeviceVariable = "CHARGER_ONDEVICE";

    public static bool OnDeviceEnabled => Environment.GetEnvironmentVariable(OnDeviceVariable) == "1";

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (IsOnDevice(testMethod.TestClass.Class) && !OnDeviceEnabled)
        {
            yield return new XunitSkippedDataRowTestCase(
                diagnosticMessageSink,
                display,
                displayOptions,
                testMethod,
                $"On-device contract test: set {OnDeviceVariable}=1 on a Pi wired to hardware/test-jig/.");
            yield break;
        }

        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }

    public static bool IsOnDevice(ITypeInfo testClass) =>
        testClass.GetCustomAttributes(typeof(TraitAttribute))
            .Select(a => a.GetConstructorArguments().Cast<string>().ToArray())
            .Any(args => args is ["Category", "OnDevice"]);
}
