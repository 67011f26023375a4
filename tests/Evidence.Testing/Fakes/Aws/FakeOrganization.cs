using System.Globalization;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// A synthetic organisation for the aggregator to see, generated on demand so that 1,000 accounts × 17
/// regions (about a million resources) cost the fake kilobytes, not gigabytes. Every account and region
/// holds <see cref="ResourcesPerRegion"/> resources and deploys every rule; rule <c>j</c> evaluates
/// resources <c>j mod N</c> and <c>(7j + 3) mod N</c>, so each rule has results everywhere and a resource
/// is evaluated by two or three rules. A resource is non-compliant (for every rule evaluating it) with
/// probability <see cref="NonCompliantPerThousand"/>‰, by a hash of its place, so any page of any
/// operation can be computed from its offset alone.
/// </summary>
public sealed class FakeOrganization
{
    /// <summary>The 17 commercial regions an organisation typically enables.</summary>
    public static readonly IReadOnlyList<string> RegionNames =
    [
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ];

    private static readonly string[] ResourceTypes = ["AWS::S3::Bucket", "AWS::EC2::SecurityGroup", "AWS::RDS::DBInstance", "AWS::IAM::Role", "AWS::Lambda::Function"];

    private readonly int[][] _resourcesOfRule;
    private readonly int[][] _rulesOfResource;
    private readonly int[] _nonCompliantBefore;

    /// <param name="accounts">How many accounts: 100000000000, 100000000001, ...</param>
    /// <param name="regions">How many of <see cref="RegionNames"/>, from the first.</param>
    /// <param name="rules">Each deployed rule: the managed-rule identifier and the name it is deployed under.</param>
    /// <param name="resourcesPerRegion">Resources in each account and region (59 makes 1,000 × 17 about a million).</param>
    /// <param name="nonCompliantPerThousand">Non-compliant resources per thousand (20: 2%).</param>
    public FakeOrganization(int accounts, int regions, IReadOnlyList<(string Identifier, string Name)> rules, int resourcesPerRegion = 59, int nonCompliantPerThousand = 20)
    {
        if (regions > RegionNames.Count || rules.Count == 0 || resourcesPerRegion < 1)
        {
            throw new ArgumentException($"at most {RegionNames.Count} regions, at least one rule and one resource");
        }

        Accounts = accounts;
        Regions = regions;
        Rules = rules;
        ResourcesPerRegion = resourcesPerRegion;
        NonCompliantPerThousand = nonCompliantPerThousand;
        _resourcesOfRule = [.. Enumerable.Range(0, rules.Count).Select(j => new[] { j % resourcesPerRegion, ((7 * j) + 3) % resourcesPerRegion }.Distinct().Order().ToArray())];
        _rulesOfResource = [.. Enumerable.Range(0, resourcesPerRegion).Select(i => Enumerable.Range(0, rules.Count).Where(j => _resourcesOfRule[j].Contains(i)).ToArray())];
        _nonCompliantBefore = new int[Sources + 1];
        for (var s = 0; s < Sources; s++)
        {
            _nonCompliantBefore[s + 1] = _nonCompliantBefore[s] + Enumerable.Range(0, resourcesPerRegion).Count(i => IsNonCompliant(s, i));
        }
    }

    public int Accounts { get; }

    public int Regions { get; }

    public IReadOnlyList<(string Identifier, string Name)> Rules { get; }

    public int ResourcesPerRegion { get; }

    public int NonCompliantPerThousand { get; }

    /// <summary>When every rule last ran.</summary>
    public DateTimeOffset Invoked { get; init; } = new(2026, 11, 20, 3, 16, 24, TimeSpan.Zero);

    /// <summary>Accounts and regions (sources), account-major, regions in <see cref="RegionNames"/> order.</summary>
    public int Sources => Accounts * Regions;

    /// <summary>Resources the organisation holds.</summary>
    public long Resources => (long)Sources * ResourcesPerRegion;

    /// <summary>Non-compliant resources in the whole organisation.</summary>
    public int NonCompliantResources => _nonCompliantBefore[Sources];

    /// <summary>Rules of any source with at least one non-compliant resource.</summary>
    public long FailingRuleResults => Enumerable.Range(0, Sources).Sum(s => (long)Enumerable.Range(0, Rules.Count).Count(j => _resourcesOfRule[j].Any(i => IsNonCompliant(s, i))));

    public static string AccountId(int index) => (100000000000L + index).ToString(CultureInfo.InvariantCulture);

    public (string Account, string Region) Source(int index) => (AccountId(index / Regions), RegionNames[index % Regions]);

    public int? IndexOf(string account, string region)
    {
        var r = RegionNames.Take(Regions).ToList().IndexOf(region);
        return r >= 0 && long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id - 100000000000L is >= 0 and var a && a < Accounts
            ? ((int)a * Regions) + r
            : null;
    }

    /// <summary>The source's rules with their evaluations, made afresh (the fake keeps none).</summary>
    public FakeConfigRegion Region(int source)
    {
        var (account, region) = Source(source);
        var content = new FakeConfigRegion(account, region);
        for (var j = 0; j < Rules.Count; j++)
        {
            var rule = content.AddRule(Rules[j].Name, Rules[j].Identifier);
            foreach (var i in _resourcesOfRule[j])
            {
                rule.Evaluations.Add(Evaluation(source, i));
            }
        }

        return content;
    }

    /// <summary>Resource <paramref name="resource"/> of <paramref name="source"/> as a rule saw it.</summary>
    public FakeEvaluation Evaluation(int source, int resource) =>
        new(ResourceTypes[resource % ResourceTypes.Length], ResourceId(resource), IsNonCompliant(source, resource) ? "NON_COMPLIANT" : "COMPLIANT",
            Invoked, Invoked.AddMilliseconds(350 + resource));

    /// <summary>The rules (by index) that evaluate a resource.</summary>
    public IReadOnlyList<int> RulesOf(int resource) => _rulesOfResource[resource];

    /// <summary>The rule's compliance in a source, as the summary reports it.</summary>
    public bool RuleFails(int source, int rule) => _resourcesOfRule[rule].Any(i => IsNonCompliant(source, i));

    /// <summary>The <paramref name="n"/>th non-compliant resource of the organisation (source-major): its source and index.</summary>
    public (int Source, int Resource) NonCompliant(int n)
    {
        var source = Array.BinarySearch(_nonCompliantBefore, n + 1);
        source = source >= 0 ? source - 1 : ~source - 1;
        while (_nonCompliantBefore[source] > n)
        {
            source--;
        }

        var skip = n - _nonCompliantBefore[source];
        for (var i = 0; i < ResourcesPerRegion; i++)
        {
            if (IsNonCompliant(source, i) && skip-- == 0)
            {
                return (source, i);
            }
        }

        throw new InvalidOperationException("non-compliant index out of range");
    }

    public static string ResourceId(int resource) => $"resource-{resource:D3}";

    private bool IsNonCompliant(int source, int resource)
    {
        // splitmix64: cheap, deterministic, well spread.
        var z = (ulong)(((long)source * 1_000_003) + resource) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % 1000) < NonCompliantPerThousand;
    }
}
