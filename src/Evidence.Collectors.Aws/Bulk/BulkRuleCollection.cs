using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// The bulk plan for AWS (<c>--detail non-compliant</c> through an aggregator): every rule's compliance
/// from the summary (<see cref="SummaryPhase"/>), the resources only of rules reported non-compliant
/// (<see cref="NonCompliantPhase"/>), and one item per task saying how it was obtained. A rule the summary
/// reports compliant becomes a summary item with no rows; one reported non-compliant, a summary item with
/// its non-compliant resources as rows; one reported INSUFFICIENT_DATA, a summary item counting no resources.
/// What a summary cannot settle the way the per-rule plan would judge it (a compliance it does not name, or
/// non-compliant with no resource found) is asked per rule, as before, so judgments match that plan. Tasks
/// outside the bulk scope go the per-task way.
/// </summary>
internal sealed class BulkRuleCollection(AwsConfigClient client, RuleDirectory directory, Func<CollectionTask, EvidenceRunWriter, ICollectionProgress, CancellationToken, Task<EvidenceItem>> perTask)
{
    private const int Concurrency = 16;

    /// <summary>
    /// Results files written at once after the last call. Each write waits on the disk (a new file in a folder of
    /// thousands, flushed before it is renamed into place) more than on a core; at 100 accounts the 8,930 files took
    /// 6 s one at a time and 4 s this way.
    /// </summary>
    private const int WritersAtOnce = 8;

    private static readonly Dictionary<(string, string, string), NonCompliantRows> NoRows = [];

    public async IAsyncEnumerable<EvidenceItem> CollectAsync(
        IEnumerable<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sources = new Dictionary<(string Account, string Region), int>();
        var byRegion = new Dictionary<string, List<CollectionTask>>(StringComparer.Ordinal);
        var others = new List<CollectionTask>();
        AggregatorTarget? aggregator = null;
        foreach (var task in tasks)
        {
            if (BulkScope.Of(task) is { } target)
            {
                aggregator ??= target;
                var source = BulkScope.SourceOf(task);
                sources[source] = sources.GetValueOrDefault(source) + 1;
                (byRegion.TryGetValue(source.Region, out var list) ? list : byRegion[source.Region] = []).Add(task);
            }
            else
            {
                others.Add(task);
            }
        }

        foreach (var item in await PerTaskAsync(others, writer, progress, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }

        if (aggregator is null)
        {
            yield break;
        }

        // Each region's tasks are settled as soon as its summary is read, while the other regions are still listed;
        // only those with a rule reported non-compliant wait for the non-compliant resources.
        var table = sources.Keys.ToDictionary(k => k, _ => new SourceSummary());
        var read = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listing = ListAsync(aggregator, sources, table, writer, progress, read.Writer, stop.Token);
        var needed = new Dictionary<(string, string, string), int>();
        var waiting = new List<(CollectionTask Task, List<DeployedRule> Matched)>();
        var again = new List<CollectionTask>();
        try
        {
            await foreach (var region in read.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var task in byRegion[region])
                {
                    var (account, _) = BulkScope.SourceOf(task);
                    var summary = table[BulkScope.SourceOf(task)];
                    var matched = Matched(task, summary);
                    foreach (var rule in matched.Where(r => r.Compliance == "NON_COMPLIANT"))
                    {
                        needed[(account, region, rule.Name)] = Math.Max(1, rule.NonCompliant);
                    }

                    if (summary.Error is null && matched.Any(r => r.Compliance == "NON_COMPLIANT"))
                    {
                        waiting.Add((task, matched));
                    }
                    else if (Build(task, aggregator, summary, matched, NoRows, writer) is { } item)
                    {
                        yield return item;
                    }
                    else
                    {
                        again.Add(task);
                    }
                }
            }
        }
        finally
        {
            // Stops the listings when the caller stopped reading early; a no-op once they are done.
            await stop.CancelAsync().ConfigureAwait(false);
        }

        var outside = await listing.ConfigureAwait(false);
        var organisationWide = outside + table.Values.SelectMany(s => s.Rules).Sum(r => (long)r.NonCompliant);
        var found = await NonCompliantPhase.ReadAsync(
            client, aggregator, needed, organisationWide, new SharedPages(writer, "aws-noncompliant"), progress, Concurrency, cancellationToken).ConfigureAwait(false);
        // Writing the failing rows is the collect's tail after its last call (at 100 accounts, 8,930 results files):
        // built several at once, handed on in the tasks' order.
        var built = new EvidenceItem?[waiting.Count];
        // Not stopped part-way (a few seconds): files the run's manifest never lists would fail verify. A failure of
        // one write (a full disk) is thrown as itself, as the one-at-a-time loop threw it.
        try
        {
            Parallel.For(0, waiting.Count, new ParallelOptions { MaxDegreeOfParallelism = WritersAtOnce }, i =>
            {
                var (task, matched) = waiting[i];
                built[i] = Build(task, aggregator, table[BulkScope.SourceOf(task)], matched, found, writer);
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (var i = 0; i < waiting.Count; i++)
        {
            if (built[i] is { } item)
            {
                yield return item;
            }
            else
            {
                again.Add(waiting[i].Task);
            }
        }

        foreach (var item in await PerTaskAsync(again, writer, progress, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>The summary phase, writing each region to <paramref name="read"/> once read and completing it at the end, failed or not.</summary>
    private async Task<long> ListAsync(
        AggregatorTarget aggregator, Dictionary<(string Account, string Region), int> sources, Dictionary<(string, string), SourceSummary> table, EvidenceRunWriter writer,
        ICollectionProgress progress, ChannelWriter<string> read, CancellationToken cancellationToken)
    {
        try
        {
            return await SummaryPhase.ReadAsync(client, directory, aggregator, sources, table, writer, progress, Concurrency, r => read.TryWrite(r), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            read.TryComplete();
        }
    }

    /// <summary>The task's item from the summary and the non-compliant rows; null when only the per-rule answer would judge it as that plan does.</summary>
    private EvidenceItem? Build(
        CollectionTask task, AggregatorTarget aggregator, SourceSummary summary, List<DeployedRule> matched,
        IReadOnlyDictionary<(string, string, string), NonCompliantRows> found, EvidenceRunWriter writer)
    {
        var (account, region) = BulkScope.SourceOf(task);
        var rule = ((AwsConfigRuleQuery)task.Query).Rule;
        var answeredAt = summary.Pages.Count == 0 ? AwsTimestamp.Whole(client.Options.Time.GetUtcNow()) : summary.AnsweredAt;
        var item = task.ItemIn(writer.RunId, ItemStatus.Collected, answeredAt) with { Raw = [.. summary.Pages] };
        if (summary.Error is { } error)
        {
            return Failed(item, error.Code, error.Message);
        }

        if (summary.Rules.Count == 0)
        {
            return Failed(item, "NoSuchConfigRuleException",
                $"no rule in account {account}, region {region} has compliance results in aggregator {aggregator.Name}: the account may have left the aggregator, or the region is not enabled or records nothing");
        }

        if (matched.Count == 0)
        {
            return Failed(item, "NoSuchConfigRuleException", RuleItemCollection.NotDeployed(rule, client.Options.RuleNames.GetValueOrDefault(rule), account, region, aggregator));
        }

        var failing = matched.Where(r => r.Compliance == "NON_COMPLIANT").ToList();
        if (failing.Count == 0)
        {
            // INSUFFICIENT_DATA: the rule has no compliant or non-compliant result, the only states the aggregate
            // detail lists, so the per-rule plan would read no row: that many resources are counted here, without a call.
            return matched.Any(r => r.Compliance == "COMPLIANT")
                ? item with { Method = EvidenceMethod.Summary, Counts = ComplianceCounts.Summary(0) }
                : matched.All(r => r.Compliance is "INSUFFICIENT_DATA" or "NOT_APPLICABLE")
                    ? item with { Method = EvidenceMethod.Summary, Counts = ComplianceCounts.None }
                    : null;
        }

        var rows = new List<ResultRow>();
        var pages = new List<StoredFile>(item.Raw);
        DateTimeOffset? evaluated = null;
        foreach (var answer in failing.Select(r => found[(account, region, r.Name)]))
        {
            pages.AddRange(answer.Pages.Where(p => !pages.Contains(p)));
            if (answer.Error is { } detailError)
            {
                return Failed(item with { Raw = pages }, detailError.Code, detailError.Message);
            }

            rows.AddRange(answer.Rows);
            evaluated = answer.LastEvaluated > evaluated || evaluated is null ? answer.LastEvaluated : evaluated;
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var (file, count, counts) = writer.WriteResults(task.ItemId, rows);
        return item with
        {
            Method = EvidenceMethod.Summary, Raw = pages, Results = file, Rows = count, Counts = ComplianceCounts.Summary(counts.NonCompliant), EvaluatedAt = evaluated,
        };
    }

    private List<DeployedRule> Matched(CollectionTask task, SourceSummary summary)
    {
        var rule = ((AwsConfigRuleQuery)task.Query).Rule;
        return summary.Index.Matching(rule, client.Options.RuleNames.GetValueOrDefault(rule));
    }

    private static EvidenceItem Failed(EvidenceItem item, string code, string message) =>
        item with { Status = ItemStatus.Failed, Error = new ItemError(code, message) };

    /// <summary>Tasks answered one by one, as the runner would, a collector bug becoming a failed item.</summary>
    private async Task<IReadOnlyCollection<EvidenceItem>> PerTaskAsync(
        List<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var items = new ConcurrentBag<EvidenceItem>();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (task, token) =>
        {
            try
            {
                items.Add(await perTask(task, writer, progress, token).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
            {
                items.Add(task.ItemIn(writer.RunId, ItemStatus.Failed, client.Options.Time.GetUtcNow()) with { Error = new ItemError("CollectorError", $"{e.GetType().Name}: {e.Message}") });
            }
        }).ConfigureAwait(false);
        return items;
    }
}
