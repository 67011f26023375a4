namespace Evidence.Testing.SampleRun;

/// <summary>One resource's latest policy state for one definition: compliant, non-compliant, exempt or unknown.</summary>
internal sealed record AzurePolicyState(AzureResource Resource, string ComplianceState, DateTimeOffset Timestamp);
