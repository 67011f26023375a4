namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// A configuration aggregator: its name and the account and region it lives in. It sees every account and
/// region of the fake, or only <see cref="Accounts"/> when set (an account that left the organisation drops out).
/// </summary>
public sealed record FakeAggregator(string Name, string Account, string Region)
{
    public IReadOnlySet<string>? Accounts { get; init; }

    public bool Sees(string account) => Accounts is null || Accounts.Contains(account);
}
