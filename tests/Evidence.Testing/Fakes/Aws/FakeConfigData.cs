using System.Collections.Concurrent;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>Everything the fake AWS Config knows, by account and region, plus its aggregators.</summary>
public sealed class FakeConfigData
{
    private readonly ConcurrentDictionary<(string Account, string Region), FakeConfigRegion> _regions = new();

    public List<FakeAggregator> Aggregators { get; } = [];

    /// <summary>Send each SelectResourceConfig result as a JSON object (moto's shape) instead of a JSON string (AWS's).</summary>
    public bool SelectResultsAsObjects { get; set; }

    /// <summary>A synthetic organisation beside the regions set up one by one; its accounts and regions are made on demand and never kept.</summary>
    public FakeOrganization? Organization { get; set; }

    /// <summary>The regions set up one by one (not the <see cref="Organization"/>'s).</summary>
    public IEnumerable<FakeConfigRegion> Regions => _regions.Values.OrderBy(r => r.Account, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal);

    /// <summary>The account and region's content: the organisation's when it holds them, else created empty on first use.</summary>
    public FakeConfigRegion In(string account, string region) =>
        Organization?.IndexOf(account, region) is { } source
            ? Organization.Region(source)
            : _regions.GetOrAdd((account, region), k => new FakeConfigRegion(k.Account, k.Region));
}
