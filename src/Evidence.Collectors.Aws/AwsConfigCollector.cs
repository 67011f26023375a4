using Evidence.Collectors.Aws.Bulk;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws;

/// <summary>
/// Collects <c>aws-config</c> and <c>aws-config-query</c> evidence from AWS Config. Every response page
/// is saved exactly as received; a query AWS cannot answer (no such rule, access denied, malformed or
/// cut-off responses, throttled past the retry budget) becomes a failed item and the run goes on;
/// rejected credentials or an unreachable endpoint stop the run (<see cref="CollectionAbortedException"/>).
/// Without an aggregator, each account is read with the one set of credentials the chain gives: a task
/// for another account fails as WrongAccount rather than collecting the wrong account's evidence.
/// Through an aggregator at <c>--detail non-compliant</c>, rule queries are answered in bulk
/// (<see cref="BulkRuleCollection"/>): a compliance summary per rule, resources only where they fail.
/// </summary>
public sealed class AwsConfigCollector : IBulkEvidenceCollector, IDisposable
{
    private readonly AwsConfigClient _client;
    private readonly bool _ownsClient;
    private readonly RuleItemCollection _rules;
    private readonly SelectItemCollection _queries;
    private readonly RuleDirectory _directory;

    /// <summary>A collector with its own client built from <paramref name="options"/>.</summary>
    public AwsConfigCollector(AwsConfigOptions options)
        : this(new AwsConfigClient(options), ownsClient: true)
    {
    }

    /// <summary>A collector sharing <paramref name="client"/>, which the caller disposes.</summary>
    public AwsConfigCollector(AwsConfigClient client)
        : this(client, ownsClient: false)
    {
    }

    private AwsConfigCollector(AwsConfigClient client, bool ownsClient)
    {
        _client = client;
        _ownsClient = ownsClient;
        _directory = new RuleDirectory(client);
        _rules = new RuleItemCollection(client, _directory);
        _queries = new SelectItemCollection(client);
    }

    public string Service => AwsConfigClient.ProgressService;

    public bool CanCollect(EvidenceQuery query) => query is AwsConfigRuleQuery or AwsConfigAdvancedQuery;

    public IEnumerable<string> Describe(CollectionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CallPlan.Describe(task, _client);
    }

    /// <summary>Resolves the credentials (profile, SSO, role…) once, so that a machine without any learns it before a run is written.</summary>
    public async Task PrepareAsync(IReadOnlyList<CollectionTask> tasks, CancellationToken cancellationToken) =>
        await _client.CallerAccountAsync(cancellationToken).ConfigureAwait(false);

    public Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(progress);
        if (task.Source.Account is null || task.Source.Region is null)
        {
            throw new ArgumentException($"task {task.ItemId} has no AWS account and region", nameof(task));
        }

        return task.Query switch
        {
            AwsConfigRuleQuery query => _rules.CollectAsync(task, query, writer, progress, cancellationToken),
            AwsConfigAdvancedQuery query => _queries.CollectAsync(task, query, writer, progress, cancellationToken),
            _ => throw new ArgumentException($"{task.Query.Describe()} is not an AWS Config query", nameof(task)),
        };
    }

    /// <inheritdoc />
    public bool AnswersInBulk(Core.Workspaces.Boundary boundary, DetailLevel detail) =>
        detail == DetailLevel.NonCompliant && boundary?.Aws?.Aggregator is not null;

    /// <inheritdoc />
    public CallEstimate Estimate(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis) =>
        AwsCallEstimator.Estimate(tasks, detail, basis, _client.Options);

    /// <inheritdoc />
    public IAsyncEnumerable<EvidenceItem> CollectAllAsync(
        IEnumerable<CollectionTask> tasks, DetailLevel detail, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken) =>
        new BulkRuleCollection(_client, _directory, CollectAsync).CollectAsync(tasks, writer, progress, cancellationToken);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }
}
