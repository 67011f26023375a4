using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Writes the Acme Health sample's evidence run: what a full collection of the workspace would have
/// stored on 2026-11-20, with fictional resources and the clouds' real response shapes. Deterministic:
/// no clock, no random numbers, no GUIDs, so the committed run can be compared byte for byte.
/// </summary>
public static class SampleRunGenerator
{
    /// <summary>
    /// Writes the run under <c>evidence/runs/</c> of <paramref name="workspaceRoot"/> (which need not be
    /// the workspace <paramref name="loaded"/> came from) and returns the run folder.
    /// </summary>
    public static string Generate(LoadedWorkspace loaded, string workspaceRoot, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var systemId = loaded.Workspace?.System.Id ?? throw new InvalidOperationException("the workspace did not load");
        var writer = EvidenceRunWriter.Start(workspaceRoot, startedAt, systemId, SampleScenario.Tool);
        var lanes = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var last = startedAt;
        foreach (var planned in SamplePlanner.Plan(loaded))
        {
            var built = Build(loaded, planned);
            var collectedAt = Collect(lanes, planned, built.Pages.Count, startedAt);
            var generated = built.DatedAt(collectedAt);
            last = collectedAt > last ? collectedAt : last;
            writer.Add(Write(writer, planned, generated, collectedAt));
        }

        writer.Complete(last.AddSeconds(1 + StableHash.Pick(3, "complete")));
        return writer.Directory;
    }

    private static GeneratedItem Build(LoadedWorkspace loaded, PlannedItem planned) => planned.Query switch
    {
        AwsConfigRuleQuery q => AwsRuleItem.Build(planned.Id, Identifier(q.Rule), RuleName(loaded, q), planned.Source),
        AwsConfigAdvancedQuery q => AwsQueryItem.Build(planned.Id, q),
        AzurePolicyQuery q => AzurePolicyItem.Build(planned.Id, q.Name, planned.Source),
        _ => throw new InvalidOperationException($"{planned.Query.Key} is not a cloud query"),
    };

    /// <summary>
    /// The collector works through each account and Region (and the Azure subscription) in parallel, one
    /// request at a time, about a second per request: each item's collection time follows the previous one in its lane.
    /// </summary>
    private static DateTimeOffset Collect(Dictionary<string, DateTimeOffset> lanes, PlannedItem planned, int pages, DateTimeOffset startedAt)
    {
        var lane = planned.Source.ToString();
        var previous = lanes.TryGetValue(lane, out var time) ? time : startedAt.AddSeconds(StableHash.Pick(3, "lane", lane));
        var collectedAt = previous.AddSeconds(pages + StableHash.Pick(2, "request", planned.Id));
        lanes[lane] = collectedAt;
        return collectedAt;
    }

    private static EvidenceItem Write(EvidenceRunWriter writer, PlannedItem planned, GeneratedItem generated, DateTimeOffset collectedAt)
    {
        var raw = generated.Pages.Select((bytes, index) => writer.WriteRaw(planned.Id, index + 1, bytes)).ToList();
        var item = new EvidenceItem
        {
            Id = planned.Id, RunId = writer.RunId, QueryKey = planned.Query.Key, Source = planned.Source,
            Status = generated.Error is null ? ItemStatus.Collected : ItemStatus.Failed, CollectedAt = collectedAt,
            EvaluatedAt = generated.EvaluatedAt, Error = generated.Error, Raw = raw,
            Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
        };
        if (generated.Error is not null)
        {
            return item;
        }

        var (file, rows, counts) = writer.WriteResults(planned.Id, generated.Rows);
        return item with { Results = file, Rows = rows, Counts = counts };
    }

    /// <summary>A query may name a rule by its identifier (S3_BUCKET_…) or by its deployed name (s3-bucket-…).</summary>
    internal static string Identifier(string rule) =>
        rule.Any(char.IsLower) ? rule.Replace('-', '_').ToUpperInvariant() : rule;

    internal static string RuleName(LoadedWorkspace loaded, AwsConfigRuleQuery query) =>
        loaded.Catalog.AwsRules.FirstOrDefault(m => m.Query.Key == query.Key)?.Title
        ?? (query.Rule.Any(char.IsLower) ? query.Rule : query.Rule.Replace('_', '-').ToLowerInvariant());
}
