using System.Globalization;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Benchmarks.Collect;

/// <summary>
/// An organization of accounts and regions, each with the same deployed rules and 1 to 300 evaluation
/// results per rule (1 to 3 pages of 100), all read through one aggregator in the fake's own account:
/// without one, a task for another account than the credentials' fails as WrongAccount.
/// </summary>
internal sealed class SyntheticOrganization
{
    public const string AggregatorName = "organization";
    public const string AggregatorRegion = "us-east-1";
    public const int PageSize = 100;

    private static readonly string[] RegionNames = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
    private static readonly DateTimeOffset Invoked = new(2026, 11, 20, 3, 16, 24, TimeSpan.Zero);

    private SyntheticOrganization(IReadOnlyList<CollectionTask> tasks, int rows, int pages)
    {
        Tasks = tasks;
        Rows = rows;
        Pages = pages;
    }

    public IReadOnlyList<CollectionTask> Tasks { get; }

    /// <summary>Evaluation results the fake holds: every one must end up in a results file.</summary>
    public int Rows { get; }

    /// <summary>Pages of evaluation results the fake serves at the collector's page size.</summary>
    public int Pages { get; }

    /// <summary>Rule listings: one DescribeAggregateComplianceByConfigRules page per account and region.</summary>
    public int Listings => Tasks.Select(t => t.Source).Distinct().Count();

    public static SyntheticOrganization Deploy(FakeConfigData data, BenchmarkSettings settings)
    {
        if (settings.Regions > RegionNames.Length)
        {
            throw new ArgumentException($"at most {RegionNames.Length} regions");
        }

        var owner = FakeAwsCredential.Default.Account;
        data.Aggregators.Add(new FakeAggregator(AggregatorName, owner, AggregatorRegion));
        var aggregator = new AwsAggregator(AggregatorName, owner, AggregatorRegion, SourceLocation.OfFile("boundary.yaml"));
        var tasks = new List<CollectionTask>();
        int rows = 0, pages = 0;
        for (var a = 0; a < settings.Accounts; a++)
        {
            var account = (100000000000L + a).ToString(CultureInfo.InvariantCulture);
            foreach (var region in RegionNames.Take(settings.Regions))
            {
                var deployed = data.In(account, region);
                for (var r = 1; r <= settings.Rules; r++)
                {
                    var identifier = $"BENCH_RULE_{r:D3}";
                    var results = 1 + (((a * 131) + (region.Length * 17) + (r * 37)) % 300);
                    deployed.AddRule(identifier.ToLowerInvariant().Replace('_', '-'), identifier)
                        .With(results / 2, "NON_COMPLIANT", Invoked, prefix: "noncompliant")
                        .With(results - (results / 2), "COMPLIANT", Invoked, prefix: "compliant");
                    rows += results;
                    pages += (results + PageSize - 1) / PageSize;
                    var query = new AwsConfigRuleQuery(identifier) { Location = SourceLocation.OfFile("controls.yaml") };
                    tasks.Add(new CollectionTask($"aws-{tasks.Count + 1:D4}", query, AwsCloud.Source(account, region)) { Boundary = aggregator is null ? null : new Boundary(null, [new AwsBoundary(aggregator, [])]) });
                }
            }
        }

        return new SyntheticOrganization(tasks, rows, pages);
    }
}
