using System.Text;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;

namespace Evidence.Testing;

/// <summary>
/// Writes a small evidence run into a workspace through the real <see cref="EvidenceRunWriter"/>, so the
/// manifest, raw pages and result rows are exactly what a collection would leave. Items default to the
/// <see cref="WorkspaceBuilder"/>'s AWS account and region, collected a minute after the run started.
/// </summary>
public sealed class RunBuilder
{
    private readonly string _workspaceRoot;
    private readonly DateTimeOffset _startedAt;
    private readonly List<Func<EvidenceRunWriter, EvidenceItem>> _items = [];
    private StoredFile? _summaryPage;

    public RunBuilder(string workspaceRoot, DateTimeOffset startedAt)
    {
        _workspaceRoot = workspaceRoot;
        _startedAt = startedAt;
    }

    public static EvidenceSource DefaultSource { get; } = AwsCloud.Source(WorkspaceBuilder.Account, WorkspaceBuilder.Region);

    /// <summary>A collected item whose result rows hold the given number of compliant and non-compliant resources.</summary>
    public RunBuilder Collected(
        string queryKey, int compliant = 1, int nonCompliant = 0, DateTimeOffset? collectedAt = null,
        DateTimeOffset? evaluatedAt = null, EvidenceSource? source = null)
    {
        var failing = Enumerable.Range(1, nonCompliant).Select(i => $"non-compliant-{i}").ToList();
        return Collected(queryKey, failing, compliant, collectedAt, evaluatedAt, source);
    }

    /// <summary>A collected item whose failing resources have the given ids, beside the given number of compliant ones.</summary>
    public RunBuilder Collected(
        string queryKey, IReadOnlyList<string> failing, int compliant = 1, DateTimeOffset? collectedAt = null,
        DateTimeOffset? evaluatedAt = null, EvidenceSource? source = null)
    {
        var id = NextId();
        _items.Add(writer =>
        {
            var rows = Enumerable.Range(1, compliant).Select(i => Row($"compliant-{i}", "COMPLIANT"))
                .Concat(failing.Select(resource => Row(resource, "NON_COMPLIANT")));
            var (file, count, counts) = writer.WriteResults(id, rows);
            return Item(writer, id, queryKey, ItemStatus.Collected, collectedAt, source) with
            {
                EvaluatedAt = evaluatedAt, Results = file, Rows = count, Counts = counts,
            };
        });
        return this;
    }

    /// <summary>
    /// A summary item (<see cref="EvidenceMethod.Summary"/>): the cloud's compliance summary said the rule is
    /// compliant, or non-compliant with the given failing resources listed. Every summary item of the run lists
    /// one shared raw page, as a bulk collector stores one summary page for many items.
    /// </summary>
    public RunBuilder Summarized(
        string queryKey, IReadOnlyList<string>? failing = null, DateTimeOffset? collectedAt = null, DateTimeOffset? evaluatedAt = null, EvidenceSource? source = null)
    {
        var id = NextId();
        _items.Add(writer =>
        {
            _summaryPage ??= writer.WriteRaw("summary", 1, """{"AggregateComplianceByConfigRules":[]}"""u8);
            var item = Item(writer, id, queryKey, ItemStatus.Collected, collectedAt, source, _summaryPage) with
            {
                Method = EvidenceMethod.Summary, EvaluatedAt = evaluatedAt, Counts = ComplianceCounts.Summary(0),
            };
            if (failing is not { Count: > 0 })
            {
                return item;
            }

            var (file, count, counts) = writer.WriteResults(id, failing.Select(resource => Row(resource, "NON_COMPLIANT")));
            return item with { Results = file, Rows = count, Counts = ComplianceCounts.Summary(counts.NonCompliant) };
        });
        return this;
    }

    /// <summary>An item whose query could not be answered; pass a null error to leave it out of the manifest.</summary>
    public RunBuilder Failed(
        string queryKey, ItemError? error, DateTimeOffset? collectedAt = null, EvidenceSource? source = null)
    {
        var id = NextId();
        _items.Add(writer => Item(writer, id, queryKey, ItemStatus.Failed, collectedAt, source) with { Error = error });
        return this;
    }

    /// <summary>A failed item with an access-denied error.</summary>
    public RunBuilder Failed(string queryKey, DateTimeOffset? collectedAt = null, EvidenceSource? source = null) =>
        Failed(queryKey, new ItemError("AccessDeniedException", "not authorized to call GetComplianceDetailsByConfigRule"), collectedAt, source);

    /// <summary>Writes the run, marks it complete and returns its folder.</summary>
    public string Write()
    {
        var writer = EvidenceRunWriter.Start(_workspaceRoot, _startedAt, "test-system", "evidence-tests");
        foreach (var item in _items)
        {
            writer.Add(item(writer));
        }

        writer.Complete(_startedAt.AddMinutes(5));
        _summaryPage = null;
        return writer.Directory;
    }

    private string NextId() => $"item-{_items.Count + 1:D4}";

    private EvidenceItem Item(
        EvidenceRunWriter writer, string id, string queryKey, ItemStatus status, DateTimeOffset? collectedAt, EvidenceSource? source, StoredFile? shared = null)
    {
        var page = Encoding.UTF8.GetBytes($$"""{"query":"{{queryKey}}","page":1}""");
        return new EvidenceItem
        {
            Id = id, RunId = writer.RunId, QueryKey = queryKey, Source = source ?? DefaultSource, Status = status,
            CollectedAt = collectedAt ?? _startedAt.AddMinutes(1), Raw = [shared ?? writer.WriteRaw(id, 1, page)],
            Location = SourceLocation.OfFile("manifest.json"),
        };
    }

    private static ResultRow Row(string resourceId, string compliance) =>
        new("AWS::S3::Bucket", resourceId, compliance, WorkspaceBuilder.Account, WorkspaceBuilder.Region);
}
