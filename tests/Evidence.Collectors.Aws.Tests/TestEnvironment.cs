using System.Runtime.CompilerServices;

namespace Evidence.Collectors.Aws.Tests;

/// <summary>Keeps every test off the real cloud: the SDK must never try the EC2 instance metadata service.</summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    public static void Initialize() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
