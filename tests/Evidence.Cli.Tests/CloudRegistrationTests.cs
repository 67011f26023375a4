using Evidence.Core.Clouds;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>The CLI registers every cloud it composes a collector for, and the tests judge with the same clouds.</summary>
public sealed class CloudRegistrationTests
{
    [Fact]
    public void TheTestsRegisterTheCloudsTheCliRegisters() =>
        Assert.Equal(EvidenceApp.Clouds.Select(c => c.Name), TestClouds.All.Select(c => c.Name));

    [Fact]
    public void CollectHasOneOptionPerRegisteredCloud()
    {
        var help = CliRunner.Run("collect", "--help");

        Assert.All(CloudRegistry.All, cloud => Assert.Contains($"--{cloud.Name}", help.Out, StringComparison.Ordinal));
    }
}
