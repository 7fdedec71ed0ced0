using System.Collections.Concurrent;
using System.Text.Json;
using ChargerController.Ocpp.Validation;
using NJsonSchema;

namespace ChargerController.Ocpp.Tests.Validation;

/// <summary>
/// Differential proof: for every schema file of both versions, our generated validator and NJsonSchema reading the
/// official file agree on valid/invalid for the deterministic example, every single-change mutation (every boundary,
/// every enum value) and seeded random payloads with a random mutation each.
/// Known, deliberate differences are excluded by construction: we are stricter on date-time text (RFC 3339 only,
/// real calendar dates) and on integers beyond 32 bits (Part 2 §2.1.4); the generators here produce no big integers.
/// </summary>
public sealed class NJsonSchemaDifferentialTests
{
    private const int RandomPayloadsPerSchema = 4;
    private const int Seed = 20250115;

    // NJsonSchema's date-time check is a pattern match and accepts impossible dates such as 30 February; we reject
    // them as RFC 3339 (§5.7) does. SchemaPayloadValidatorTests pins our behaviour for that case.
    private const string StricterThanNJsonSchema = "30 February";

    [Fact]
    public void EverySchema_OurValidatorAndNJsonSchema_AgreeOnEveryGeneratedPayload()
    {
        var validator = new SchemaPayloadValidator();
        var disagreements = new ConcurrentQueue<string>();
        var compared = 0;
        var cases = SchemaCases.All().Select((c, index) => (c.Version, c.Root, c.FileName, Seed: Seed + index)).ToList();
        Parallel.ForEach(cases, c =>
        {
            var official = JsonSchema.FromFileAsync(Path.Combine(SchemaCases.Folder(c.Version), c.FileName + ".json")).GetAwaiter().GetResult();
            var random = new Random(c.Seed);
            var example = PayloadFactory.Example(c.Root.Schema);
            var payloads = new List<(string What, string Json)> { ("example", example.ToJsonString()) };

            // Each change is tried once per definition property and schema file: a definition reused at many paths
            // (TaxRateType sits under nine tariff fields) is the same copy inside the file NJsonSchema reads, and
            // SchemaPayloadValidatorTests already covers our validator at every path.
            var keysSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in PayloadMutator.All(example, c.Root.Schema))
            {
                if (keysSeen.Add(m.Key))
                {
                    payloads.Add((m.What, PayloadMutator.Pruned(m, c.Root.Schema).ToJsonString()));
                }
            }

            for (var i = 0; i < RandomPayloadsPerSchema; i++)
            {
                var randomPayload = PayloadFactory.Random(c.Root.Schema, random);
                payloads.Add(("random", randomPayload.ToJsonString()));
                var mutations = PayloadMutator.All(randomPayload, c.Root.Schema);
                var pick = mutations[random.Next(mutations.Count)];
                payloads.Add(("random " + pick.What, pick.Payload.ToJsonString()));
                payloads.Add(("pruned random " + pick.What, PayloadMutator.Pruned(pick, c.Root.Schema).ToJsonString()));
            }

            foreach (var (what, json) in payloads)
            {
                if (what.Contains(StricterThanNJsonSchema, StringComparison.Ordinal))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(json);
                var ours = validator.Validate(c.Version, c.Root.Action, c.Root.Kind, doc.RootElement);
                var theirs = official.Validate(json);
                Interlocked.Increment(ref compared);
                if ((ours is null) != (theirs.Count == 0))
                {
                    disagreements.Enqueue($"{c.Version} {c.FileName} {what}: ours={ours?.ToString() ?? "valid"} NJsonSchema={string.Join("; ", theirs.Select(e => e.ToString()).Take(2))}");
                }
            }
        });

        Assert.True(compared > 10_000, $"only {compared} payloads compared");
        Assert.True(disagreements.IsEmpty, $"{disagreements.Count} of {compared} disagree:\n" + string.Join('\n', disagreements.Take(20)));
    }
}
