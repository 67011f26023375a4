namespace Evidence.Testing.Fakes.Aws;

/// <summary>A configuration aggregator: its name and the account and region it lives in. It sees every account and region of the fake.</summary>
public sealed record FakeAggregator(string Name, string Account, string Region);
