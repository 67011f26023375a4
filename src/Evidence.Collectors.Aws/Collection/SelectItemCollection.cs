using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Collects an <c>aws-config-query</c>: every page of SelectAggregateResourceConfig through the
/// aggregator, or SelectResourceConfig in one account and region. The rows are inventory as of the
/// moment the query ran, so they and the item are dated at collection.
/// </summary>
internal sealed class SelectItemCollection(AwsConfigClient client)
{
    public async Task<EvidenceItem> CollectAsync(
        CollectionTask task, AwsConfigAdvancedQuery query, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var recorder = new ItemRecorder(task, writer, client.Options.Time);
        var account = task.Source.Account!;
        var aggregator = AggregatorTarget.For(task, query.Aggregator);
        if (aggregator is null && await client.CallerAccountAsync(cancellationToken).ConfigureAwait(false) is { } caller && caller != account)
        {
            return recorder.Failed("WrongAccount", RuleItemCollection.WrongAccount(caller, account));
        }

        var (operation, region, request) = aggregator is null
            ? (AwsConfigOperation.SelectResourceConfig, task.Source.Region!, new JsonObject { ["Expression"] = query.Expression })
            : (AwsConfigOperation.SelectAggregateResourceConfig, aggregator.Region,
                new JsonObject { ["Expression"] = query.Expression, ["ConfigurationAggregatorName"] = aggregator.Name });
        var compliance = ComplianceValues.ForRow(query.FailWhen);
        var rows = aggregator is null ? new SelectRows(account, task.Source.Region, compliance) : new SelectRows(null, null, compliance);
        var failure = await Pager.AllPagesAsync(
            client, operation, region, task.Source.ToString(), request, recorder.Save,
            Pager.AddingTo(rows, "a result that is neither a JSON object nor a string holding one", progress), progress, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return recorder.Failed(failure.Code, failure.Message);
        }

        if (aggregator is null && rows.Accounts.FirstOrDefault(a => a != account) is { } other)
        {
            return recorder.Failed("WrongAccount", RuleItemCollection.WrongAccount(other, account));
        }

        var collectedAt = recorder.CollectedAt;
        var dated = rows.Rows.Select(r => r with { EvaluatedAt = collectedAt }).ToList();
        return recorder.Collected(dated, dated.Count == 0 ? null : collectedAt);
    }
}
