using System.Reflection;
using System.Runtime.CompilerServices;

namespace ChargerController.IntegrationTests.Architecture;

/// <summary>
/// House rule 5: no static mutable state in product code (no global logger, id generator, validation switch or
/// "current station"). Constants, static readonly tables and pure functions are fine.
/// </summary>
public sealed class NoStaticMutableStateTests
{
    public static TheoryData<string> ProductAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
        {
            "ChargerController.Ocpp", "ChargerController.Hardware.Abstractions", "ChargerController.Hardware",
            "ChargerController.Control", "ChargerController.Simulator", "ChargerController.Station",
            "ChargerController.Storage", "chargerd", "chargerctl",
        })
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void ProductAssembly_HasNoWritableStaticFields(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        Assert.True(File.Exists(path), $"{path} missing: reference the project from the integration tests");
        var assembly = Assembly.LoadFrom(path);

        var offenders = assembly.GetTypes()
            .Where(t => !IsCompilerGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !IsCompilerGenerated(f))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .ToList();

        Assert.True(offenders.Count == 0, "writable static fields: " + string.Join(", ", offenders));
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || member.Name.Contains('<', StringComparison.Ordinal)
        || (member is Type { DeclaringType: { } outer } && IsCompilerGenerated(outer));
}
