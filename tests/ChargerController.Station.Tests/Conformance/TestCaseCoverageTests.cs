using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>
/// Lists which OCA Charging Station test cases of the certification profiles (Part 5 / cs-testcases-by-profile.json)
/// have a test here, per profile and per block. Missing cases do not fail the build; a test named like a TC id that is
/// not a real one does.
/// </summary>
public sealed partial class TestCaseCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void TestCaseNames_AreRealTestCaseIds_CoverageTableWritten()
    {
        var profiles = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "Data", "cs-testcases-by-profile.json")))!;
        var known = profiles.Values.SelectMany(p => p.Keys).ToHashSet(StringComparer.Ordinal);
        var implemented = typeof(TestCaseCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(m => TcName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var table = new StringBuilder();
        table.AppendLine("| profile | test case | M/C | test |");
        table.AppendLine("|---|---|---|---|");
        foreach (var (profile, cases) in profiles)
        {
            foreach (var (id, need) in cases.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                table.AppendLine($"| {profile} | {id}_CS | {need} | {(implemented.Contains(id) ? "yes" : "-")} |");
            }
        }

        var total = known.Count;
        var covered = known.Count(implemented.Contains);
        table.AppendLine();
        table.AppendLine("| block | covered | listed |");
        table.AppendLine("|---|---|---|");
        foreach (var block in known.GroupBy(id => id[3]).OrderBy(g => g.Key))
        {
            table.AppendLine($"| {block.Key} | {block.Count(implemented.Contains)} | {block.Count()} |");
        }

        table.AppendLine().AppendLine($"{covered} of {total} Charging Station test cases of the certification profiles have a test.");
        output.WriteLine(table.ToString());
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "tc-coverage-station.md"), table.ToString());

        var unknown = implemented.Except(known).ToList();
        Assert.True(unknown.Count == 0, "Not real test case ids: " + string.Join(", ", unknown));
    }

    [GeneratedRegex(@"^(TC_[A-Z]_\d+)_CS$")]
    private static partial Regex TcName();
}
