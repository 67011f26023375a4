namespace Evidence.Testing.SampleRun;

/// <summary>
/// A fictional Azure resource as Policy Insights reports it: the id lower-cased, the type as
/// registered (no leading slash), the resource group as created.
/// </summary>
internal sealed record AzureResource(string Id, string Type, string ResourceGroup, string Location, string Name);
