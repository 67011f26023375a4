namespace Evidence.Core.Store;

/// <summary>Where evidence came from: an AWS account and region, or an Azure subscription or management group.</summary>
public sealed record EvidenceSource(string Cloud, string? Account = null, string? Region = null, string? Subscription = null, string? ManagementGroup = null)
{
    public static EvidenceSource Aws(string account, string region) => new("aws", Account: account, Region: region);

    public static EvidenceSource Azure(string subscription) => new("azure", Subscription: subscription);

    public static EvidenceSource AzureManagementGroup(string group) => new("azure", ManagementGroup: group);

    /// <inheritdoc />
    public override string ToString() => Cloud switch
    {
        "aws" => $"aws {Account}/{Region}",
        _ when ManagementGroup is not null => $"azure management group {ManagementGroup}",
        _ => $"azure {Subscription}",
    };
}
