using Evidence.Core.Clouds.Aws;
using Evidence.Core.Clouds.Azure;
using Evidence.Core.Store;

namespace Evidence.Core.Clouds;

/// <summary>The registration of every cloud: a new cloud is one definition added to <see cref="All"/>.</summary>
public static class CloudRegistry
{
    public static CloudDefinition Aws { get; } = new AwsCloud();

    public static CloudDefinition Azure { get; } = new AzureCloud();

    public static IReadOnlyList<CloudDefinition> All { get; } = [Aws, Azure];

    /// <summary>The cloud named <paramref name="name"/>, or null.</summary>
    public static CloudDefinition? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The cloud a source belongs to, or null for a name no cloud has (a damaged manifest).</summary>
    public static CloudDefinition? Of(EvidenceSource source) => Find(source.Cloud);
}
