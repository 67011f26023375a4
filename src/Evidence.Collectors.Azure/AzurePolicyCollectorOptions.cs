using Azure.Core;
using Azure.Core.Pipeline;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection.Throttling;

namespace Evidence.Collectors.Azure;

/// <summary>
/// What an <see cref="AzurePolicyCollector"/> talks to and how hard. The defaults are the real thing:
/// the process environment, the system clock, credentials from <c>EVIDENCE_AZURE_ACCESS_TOKEN</c> or
/// DefaultAzureCredential, and the workspace's cloud. Tests replace each of them.
/// </summary>
public sealed record AzurePolicyCollectorOptions
{
    /// <summary>
    /// The credential to use. When null it is chosen at the first request: a token in
    /// <c>EVIDENCE_AZURE_ACCESS_TOKEN</c>, else DefaultAzureCredential for the cloud's authority
    /// (environment, workload identity, managed identity, Azure CLI and the other developer tools; never a browser).
    /// </summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>The HTTP transport, for a proxy or a test server's certificate; null means Azure.Core's default.</summary>
    public HttpPipelineTransport? Transport { get; init; }

    /// <summary>Reads an environment variable; the process environment unless a test says otherwise.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Resource Manager's endpoint for every task, over the workspace's cloud and <c>EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT</c>.</summary>
    public ResourceManagerEndpoint? Endpoint { get; init; }

    /// <summary>
    /// Resource Manager refills each subscription's read bucket at 25 requests a second (250 at most),
    /// shared with every other client of the same principal, so the default starts well below that and climbs.
    /// </summary>
    public static AdaptiveRateOptions DefaultRateLimit { get; } = new() { InitialRate = 10, MaxRate = 25, Burst = 10, IncreaseAfter = 20 };

    /// <summary>The rate limit per subscription (or management group): where it starts and how it adapts.</summary>
    public AdaptiveRateOptions RateLimit { get; init; } = DefaultRateLimit;

    /// <summary>Records asked for per page (<c>$top</c>).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// Assignments a <c>summarize</c> call may list (<c>$top</c>). It has no pages, so an answer listing this
    /// many may have left some out; its scope is then collected query by query instead.
    /// </summary>
    public int SummaryTop { get; init; } = 1000;

    /// <summary>After ResponseTooLarge the page size halves, down to this; a page still too large here fails the query.</summary>
    public int MinPageSize { get; init; } = 50;

    /// <summary>Which service answers Azure Policy tasks in bulk; <see cref="AzureBulkSource.Auto"/> chooses by the calls each plan asks.</summary>
    public AzureBulkSource BulkSource { get; init; } = AzureBulkSource.Auto;

    /// <summary>Retries of one request after throttling, a server error or a lost connection.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff when the service does not say how long to wait; it doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, whatever Retry-After asks, so one throttled query cannot hold a run for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
}
