using Azure.Core;
using Azure.Identity;
using Evidence.Collectors.Azure.ResourceManager;

namespace Evidence.Collectors.Azure.Credentials;

/// <summary>Chooses the credential when none is given: a pre-acquired token if there is one, else DefaultAzureCredential.</summary>
internal static class AzureCredentials
{
    public const string Missing =
        "no Azure credentials: run 'az login', set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or use a managed identity), " +
        "or set " + AccessTokenCredential.EnvironmentVariable + "; or collect with --offline";

    public static TokenCredential Resolve(ResourceManagerEndpoint endpoint, Func<string, string?> environment)
    {
        if (environment(AccessTokenCredential.EnvironmentVariable) is { Length: > 0 } token)
        {
            return new AccessTokenCredential(token.Trim());
        }

        var options = new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true };
        if (endpoint.AuthorityHost is { } authority)
        {
            options.AuthorityHost = authority;
        }

        return new DefaultAzureCredential(options);
    }
}
