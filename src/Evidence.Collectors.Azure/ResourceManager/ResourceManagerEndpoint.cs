using Azure.Identity;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Azure.ResourceManager;

/// <summary>
/// Where Azure Resource Manager is for a workspace's cloud: its base URL, the token scope that
/// belongs to it and the Entra ID authority that issues those tokens.
/// </summary>
public sealed record ResourceManagerEndpoint(Uri BaseUri, Uri? AuthorityHost)
{
    /// <summary>Overrides the workspace's cloud, for sovereign or private endpoints and for tests.</summary>
    public const string EnvironmentVariable = "EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT";

    public static ResourceManagerEndpoint AzureCloud { get; } = new(new Uri("https://management.azure.com"), AzureAuthorityHosts.AzurePublicCloud);

    public static ResourceManagerEndpoint AzureUSGovernment { get; } = new(new Uri("https://management.usgovcloudapi.net"), AzureAuthorityHosts.AzureGovernment);

    public static ResourceManagerEndpoint AzureChinaCloud { get; } = new(new Uri("https://management.chinacloudapi.cn"), AzureAuthorityHosts.AzureChina);

    /// <summary>The scope to ask tokens for, such as <c>https://management.azure.com/.default</c>.</summary>
    public string TokenScope => BaseUri.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>
    /// The endpoint for a workspace's <c>boundary.azure.cloud</c> (a cloud name or an https URL; none means
    /// the public cloud), unless <see cref="EnvironmentVariable"/> names another. A value that is neither
    /// dooms every Azure task, so it stops the collection.
    /// </summary>
    public static ResourceManagerEndpoint Resolve(string? cloud, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(EnvironmentVariable) is { Length: > 0 } overridden)
        {
            return FromUrl(overridden, EnvironmentVariable);
        }

        return cloud switch
        {
            null or "" or "AzureCloud" => AzureCloud,
            "AzureUSGovernment" => AzureUSGovernment,
            "AzureChinaCloud" => AzureChinaCloud,
            _ => FromUrl(cloud, "boundary.azure.cloud"),
        };
    }

    private static ResourceManagerEndpoint FromUrl(string value, string origin)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new CollectionAbortedException(
                $"{origin} is '{value}', which is neither AzureCloud, AzureUSGovernment, AzureChinaCloud nor an https:// Resource Manager URL");
        }

        var known = new[] { AzureCloud, AzureUSGovernment, AzureChinaCloud }
            .FirstOrDefault(e => Uri.Compare(e.BaseUri, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

        // A private URL leaves the authority to DefaultAzureCredential, which reads AZURE_AUTHORITY_HOST.
        return known ?? new ResourceManagerEndpoint(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')), null);
    }
}
