using Evidence.Core.Loading;
using Evidence.Testing;

namespace Evidence.Core.Tests;

public sealed class SampleWorkspaceTests
{
    [Fact]
    public void TheAcmeHealthSampleLoadsWithoutDiagnostics()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth);

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(68, loaded.Catalog.Controls.Count);
    }
}
