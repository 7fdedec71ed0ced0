using System.Xml.Linq;

namespace ChargerController.IntegrationTests.Architecture;

/// <summary>
/// conventions.md section 2.1: what each project may depend on. Read from the real .csproj files so a new
/// reference breaks the build of trust immediately, whoever adds it.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string P = "ChargerController.";

    // Allowed ProjectReferences per product project (short names without the "ChargerController." prefix).
    private static readonly Dictionary<string, string[]> AllowedProjects = new()
    {
        ["Ocpp"] = [],
        ["Ocpp.Generator"] = [],
        ["Hardware.Abstractions"] = [],
        ["Hardware"] = ["Hardware.Abstractions"],
        ["Control"] = [],
        ["Station"] = ["Ocpp", "Hardware.Abstractions", "Control"],
        ["Storage"] = ["Station", "Ocpp"],
        // The simulator is a library composed by chargerd --simulate (ARCHITECTURE.md explains the deviation).
        ["Simulator"] = ["Station", "Storage", "Ocpp", "Hardware.Abstractions", "Control"],
        ["Cli"] = ["Control", "Hardware", "Hardware.Abstractions"],
        ["Worker"] = ["Ocpp", "Hardware.Abstractions", "Hardware", "Control", "Station", "Storage", "Simulator"],
    };

    // Allowed PackageReferences per product project (analyzers come from Directory.Build.props).
    private static readonly Dictionary<string, string[]> AllowedPackages = new()
    {
        ["Ocpp"] = ["Microsoft.Extensions.Logging.Abstractions"],
        ["Ocpp.Generator"] = [],
        ["Hardware.Abstractions"] = [],
        ["Hardware"] = ["System.Device.Gpio", "System.IO.Ports", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options"],
        ["Control"] = [],
        // System.IO.Hashing: XXH128 TransactionEvent message ids in managed code (SHA-256 would load OpenSSL without TLS).
        ["Station"] = ["Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Hosting.Abstractions", "System.IO.Hashing"],
        ["Storage"] = ["Microsoft.Data.Sqlite", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options"],
        ["Simulator"] = ["Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options"],
        ["Cli"] = ["System.CommandLine"],
        ["Worker"] = ["*"],
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(csproj));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferences_OnlyLowerLayers(string project)
    {
        var shortName = ShortName(project);
        Assert.True(AllowedProjects.ContainsKey(shortName), $"{project} is not in the dependency table: add it to conventions section 2.1 and this test.");

        var bad = Read(project, "ProjectReference")
            .Select(r => ShortName(Path.GetFileNameWithoutExtension(r.Replace('\\', '/'))))
            .Where(r => !AllowedProjects[shortName].Contains(r))
            .ToList();

        Assert.True(bad.Count == 0, $"{project} may not reference: {string.Join(", ", bad)}");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void PackageReferences_OnlyAllowedPackages(string project)
    {
        var allowed = AllowedPackages[ShortName(project)];
        if (allowed.Contains("*"))
        {
            return;
        }

        var bad = Read(project, "PackageReference").Where(p => !allowed.Contains(p)).ToList();
        Assert.True(bad.Count == 0, $"{project} may not use packages: {string.Join(", ", bad)}");
    }

    [Fact]
    public void HardwareDrivers_OnlyPortsTouchGpioAndSerialNamespaces()
    {
        var root = Path.Combine(RepositoryLayout.Root, "src", P + "Hardware");
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("Ports" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => MentionsDeviceApis(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Only Hardware/Ports may use System.Device.* / System.IO.Ports: " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("Station")]
    [InlineData("Simulator")]
    [InlineData("Ocpp")]
    public void BrainAndProtocol_NeverMentionDeviceApis(string project)
    {
        var root = Path.Combine(RepositoryLayout.Root, "src", P + project);
        if (!Directory.Exists(root))
        {
            return; // the project arrives with a later issue; the reference rules above already cover it then.
        }

        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => MentionsDeviceApis(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f))
            .ToList();

        Assert.True(offenders.Count == 0, $"{project} must not touch System.Device.* / System.IO.Ports: " + string.Join(", ", offenders));
    }

    private static bool MentionsDeviceApis(string source) =>
        source.Contains("System.Device.", StringComparison.Ordinal) || source.Contains("System.IO.Ports", StringComparison.Ordinal);

    private static string ShortName(string project) =>
        project.StartsWith(P, StringComparison.Ordinal) ? project[P.Length..] : project;

    private static IEnumerable<string> Read(string project, string itemName)
    {
        var path = Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj");
        return XDocument.Load(path).Descendants(itemName).Select(e => (string?)e.Attribute("Include")).OfType<string>();
    }
}
