using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Clouds;

namespace Evidence.Testing;

/// <summary>
/// The clouds the CLI registers (<c>EvidenceApp.Clouds</c>), for tests that load workspaces without running
/// the CLI. Each test project registers them once as it loads (its <c>RegisterClouds</c> module initializer).
/// </summary>
public static class TestClouds
{
    public static IReadOnlyList<CloudDefinition> All { get; } = [AwsCloud.Instance, AzureCloud.Instance];

    public static void Register() => CloudRegistry.Register(All);
}
