namespace Evidence.Testing.Fakes.Aws;

/// <summary>A deployed Config rule: its name, the managed-rule identifier it runs, its evaluations and its conformance pack, if any.</summary>
public sealed class FakeConfigRule(string name, string identifier, string owner = "AWS")
{
    public string Name { get; } = name;

    public string Identifier { get; } = identifier;

    public string Owner { get; } = owner;

    public string? ConformancePack { get; init; }

    public List<FakeEvaluation> Evaluations { get; } = [];

    /// <summary>Adds <paramref name="count"/> evaluations of resources <c>{prefix}-0001</c>…, all with one compliance.</summary>
    public FakeConfigRule With(int count, string compliance, DateTimeOffset invoked, string resourceType = "AWS::S3::Bucket", string prefix = "resource")
    {
        var start = Evaluations.Count;
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{start + i + 1:D4}";
            Evaluations.Add(new FakeEvaluation(resourceType, id, compliance, invoked, invoked.AddMilliseconds(350 + (41 * i))));
        }

        return this;
    }
}
