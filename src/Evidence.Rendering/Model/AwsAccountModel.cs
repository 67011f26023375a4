namespace Evidence.Rendering.Model;

/// <summary>An AWS account in scope.</summary>
public sealed record AwsAccountModel(string Id, string? Name, IReadOnlyList<string> Regions)
{
    /// <summary>The regions as one line: <c>us-east-1, us-west-2</c>.</summary>
    public string RegionsText => string.Join(", ", Regions);
}
