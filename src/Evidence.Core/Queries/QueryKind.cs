namespace Evidence.Core.Queries;

/// <summary>The kinds of evidence a control can ask for.</summary>
public enum QueryKind
{
    AwsConfig,
    AwsConfigQuery,
    AzurePolicy,
    AzureResourceGraph,
    Manual,
    Attestation,
}
