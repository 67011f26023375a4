namespace Evidence.Testing.Fakes.Aws;

/// <summary>What AWS Config holds in one account and region: deployed rules and recorded resources.</summary>
public sealed class FakeConfigRegion(string account, string region)
{
    public string Account { get; } = account;

    public string Region { get; } = region;

    public List<FakeConfigRule> Rules { get; } = [];

    public List<FakeResource> Resources { get; } = [];

    public FakeConfigRule AddRule(string name, string identifier, string owner = "AWS", string? conformancePack = null)
    {
        var rule = new FakeConfigRule(name, identifier, owner) { ConformancePack = conformancePack };
        Rules.Add(rule);
        return rule;
    }
}
