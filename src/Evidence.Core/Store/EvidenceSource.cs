using Evidence.Core.Clouds;

namespace Evidence.Core.Store;

/// <summary>
/// Where evidence came from: a cloud (<see cref="CloudRegistry"/>) and its account and region, or its
/// subscription or management group, as that cloud's sources need.
/// </summary>
public sealed record EvidenceSource(string Cloud, string? Account = null, string? Region = null, string? Subscription = null, string? ManagementGroup = null)
{
    /// <inheritdoc />
    public override string ToString() => CloudRegistry.Of(this)?.Describe(this) ?? $"{Cloud} (a cloud Evidence does not know)";
}
