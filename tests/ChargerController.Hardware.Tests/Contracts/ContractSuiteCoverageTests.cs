using System.Reflection;
using ChargerController.Hardware.Abstractions.ControlPilot;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>House rule 11: every hardware contract has an abstract suite run against a simulated/fake-port device and against the real driver on the device.</summary>
public sealed class ContractSuiteCoverageTests
{
    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string>();
        foreach (var name in ContractNames())
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<string> ContractNames() =>
        typeof(IControlPilot).Assembly.GetExportedTypes().Where(t => t.IsInterface).Select(t => t.Name).Order(StringComparer.Ordinal);

    private static Type[] TestTypes => typeof(ContractSuiteCoverageTests).Assembly.GetTypes();

    private static bool IsOnDevice(Type type) =>
        type.GetCustomAttributes<TraitAttribute>().Any() &&
        type.CustomAttributes.Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments.Select(c => c.Value as string).SequenceEqual(["Category", "OnDevice"]));

    [Fact]
    public void Contracts_AreDiscovered()
    {
        var names = ContractNames().ToList();

        Assert.Contains("IContactor", names);
        Assert.Contains("IEnergyMeter", names);
        Assert.True(names.Count >= 8);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void EveryContract_HasAnAbstractSuiteWithSimulatedAndOnDeviceRuns(string contract)
    {
        var suiteName = contract[1..] + "ContractTests";
        var suite = TestTypes.SingleOrDefault(t => t.Name == suiteName && t.Namespace == typeof(ContractSuiteCoverageTests).Namespace);

        Assert.True(suite is { IsAbstract: true }, $"{contract}: add the abstract suite Contracts/{suiteName}.cs");
        // One suite per contract: a second suite of the same name elsewhere splits the contract in two.
        Assert.Single(TestTypes, t => t.Name == suiteName);
        var derived = TestTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(suite!)).ToList();
        Assert.True(derived.Any(t => !IsOnDevice(t)), $"{contract}: run {suiteName} against the simulated device");
        Assert.True(derived.Any(IsOnDevice), $"{contract}: add an [Trait(\"Category\", \"OnDevice\")] class running {suiteName} against the real driver");

        var members = suite!.GetMethods().Where(m => m.GetCustomAttribute<ContractFactAttribute>() is not null).ToList();
        Assert.True(members.Count >= 3, $"{suiteName} has only {members.Count} contract facts");
    }
}
