using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Files;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Cli.Samples;

/// <summary>
/// The sample workspace widened to an organisation: its AWS boundary becomes N accounts × R regions, and
/// its evidence run holds every AWS Config rule item as the bulk plan writes it — the summary method,
/// one shared summary page per account and region, and per-resource rows (with their detail pages) only
/// for non-compliant resources. About 2% of resources fail, concentrated in one rule in eight, as they are
/// in real organisations. Deterministic: the same sizes give the same run, byte for byte.
/// </summary>
internal static partial class SyntheticOrganization
{
    /// <summary>The 17 regions AWS enables by default in a new account.</summary>
    public static readonly IReadOnlyList<string> Regions =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
    ];

    /// <summary>A rule in this many is prone to failures; the others pass everywhere.</summary>
    private const int FailureProneEvery = 8;

    /// <summary>A failure-prone rule fails in one source in this many.</summary>
    private const int FailingSourceEvery = 24;

    /// <summary>Replaces the AWS accounts of the sample's evidence.yaml with <paramref name="accounts"/> accounts in the first <paramref name="regions"/> regions.</summary>
    public static void Widen(string directory, int accounts, int regions)
    {
        var path = Path.Combine(directory, WorkspaceLoader.WorkspaceFile);
        var yaml = File.ReadAllText(path);
        var list = new StringBuilder("    accounts:\n");
        var inScope = string.Join(", ", Regions.Take(regions));
        for (var n = 1; n <= accounts; n++)
        {
            list.Append(CultureInfo.InvariantCulture, $"      - id: \"{AccountId(n)}\"\n        name: org-{n:D4}\n        regions: [{inScope}]\n");
        }

        var widened = AccountsBlock().Replace(yaml, list.ToString(), 1);
        if (ReferenceEquals(widened, yaml) || widened == yaml)
        {
            throw new InvalidOperationException("the sample's evidence.yaml has no aws accounts block to widen");
        }

        AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes(widened)), overwrite: true);
    }

    /// <summary>Account <paramref name="n"/> of the synthetic organisation: 12 digits, distinct, stable.</summary>
    public static string AccountId(int n) => (200000000000L + (n * 1009L)).ToString(CultureInfo.InvariantCulture);

    public static (int Items, int FailingItems, long FailingRows) Write(LoadedWorkspace loaded, string tool)
    {
        var workspace = loaded.Workspace!;
        var tasks = CollectionPlanner.Plan(loaded);
        var rules = tasks.Select(t => t.Query).OfType<AwsConfigRuleQuery>().DistinctBy(q => q.Key).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        var prone = rules.Select((q, i) => (q.Key, i)).Where(x => x.i % FailureProneEvery == 3).Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        var summaries = new Dictionary<(string, string), StoredFile>();
        var writer = EvidenceRunWriter.Start(loaded.Root, SyntheticRun.StartedAt, workspace.System.Id, tool);
        var failingItems = 0;
        var failingRows = 0L;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var collectedAt = SyntheticRun.StartedAt.AddSeconds(i / 100);
            var evaluatedAt = collectedAt.AddMinutes(-47);
            if (task.Query is not AwsConfigRuleQuery rule)
            {
                writer.Add(SyntheticRun.Item(writer, task, 0, collectedAt, evaluatedAt));
                continue;
            }

            var (account, region) = (task.Source.Account!, task.Source.Region!);
            if (!summaries.TryGetValue((account, region), out var summary))
            {
                var page = OrganizationPages.ComplianceSummary(account, region, rules.Select(r => (SyntheticRun.RuleName(r), Failing(prone, r.Key, account, region))));
                summary = summaries[(account, region)] = writer.WriteRaw($"summary-{account}-{region}", 1, page);
            }

            var failing = Failing(prone, rule.Key, account, region);
            failingItems += failing > 0 ? 1 : 0;
            failingRows += failing;
            writer.Add(failing == 0
                ? Summary(task, writer.RunId, collectedAt, evaluatedAt, [summary])
                : FailingSummary(writer, task, rule, summary, failing, collectedAt, evaluatedAt));
        }

        writer.Complete(SyntheticRun.StartedAt.AddSeconds((tasks.Count / 100) + 30));
        return (tasks.Count, failingItems, failingRows);
    }

    private static EvidenceItem Summary(CollectionTask task, string runId, DateTimeOffset collectedAt, DateTimeOffset evaluatedAt, IReadOnlyList<StoredFile> raw) =>
        task.ItemIn(runId, ItemStatus.Collected, collectedAt) with
        {
            EvaluatedAt = evaluatedAt, Raw = raw, Counts = ComplianceCounts.Summary(0), Method = EvidenceMethod.Summary,
        };

    private static EvidenceItem FailingSummary(
        EvidenceRunWriter writer, CollectionTask task, AwsConfigRuleQuery rule, StoredFile summary, int failing, DateTimeOffset collectedAt, DateTimeOffset evaluatedAt)
    {
        var rows = Enumerable.Range(0, failing).Select(n => new ResultRow(
            SyntheticRun.ResourceType(rule),
            $"synthetic-{task.Source.Account}-{task.Source.Region}-{task.ItemId}-{n.ToString("D3", CultureInfo.InvariantCulture)}",
            "NON_COMPLIANT", task.Source.Account, task.Source.Region, null,
            $"Synthetic finding {n + 1} for {rule.Describe()}: the resource does not meet the rule.", evaluatedAt)).ToList();
        var raw = new List<StoredFile> { summary };
        foreach (var (page, number, next) in ConfigRulePages.Pages(task.ItemId, rows, rows.Count))
        {
            raw.Add(writer.WriteRaw(task.ItemId, number, OrganizationPages.NonCompliantDetails(SyntheticRun.RuleName(rule), page, next)));
        }

        var (file, count, _) = writer.WriteResults(task.ItemId, rows);
        return Summary(task, writer.RunId, collectedAt, evaluatedAt, raw) with
        {
            Results = file, Rows = count, Counts = ComplianceCounts.Summary(count),
        };
    }

    /// <summary>How many resources fail <paramref name="rule"/> in one account and region: 0 for most, 1 to 3 for a few.</summary>
    private static int Failing(HashSet<string> prone, string rule, string account, string region)
    {
        if (!prone.Contains(rule))
        {
            return 0;
        }

        var hash = Fnv($"{rule}|{account}|{region}");
        return hash % FailingSourceEvery == 0 ? 1 + (int)(hash / FailingSourceEvery % 3) : 0;
    }

    /// <summary>FNV-1a: a hash that, unlike <see cref="string.GetHashCode()"/>, is the same in every process.</summary>
    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(@"^    accounts:\n.*?(?=^  azure:)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex AccountsBlock();
}
