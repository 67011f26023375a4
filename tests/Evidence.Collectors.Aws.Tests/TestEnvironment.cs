using System.Runtime.CompilerServices;

namespace Evidence.Collectors.Aws.Tests;

/// <summary>
/// Keeps every test off the real cloud and off this machine's AWS setup: no instance metadata, no
/// shared config or credentials files, no credentials or profile from the environment.
/// </summary>
internal static class TestEnvironment
{
    private static readonly string[] Cleared =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCOUNT_ID", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CONFIG_SERVICE",
    ];

    [ModuleInitializer]
    public static void Initialize()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var nowhere = Path.Combine(Path.GetTempPath(), "evidence-tests", "no-aws-config");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(nowhere, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(nowhere, "config"));
        foreach (var name in Cleared)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
