using Evidence.Rendering.Templates;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Templates;

public sealed class TemplateSourceTests
{
    [Fact]
    public void TheBuiltInTemplatesAreEmbedded()
    {
        Assert.Contains("ssp.md.scriban", TemplateSource.BuiltInNames);
        Assert.Contains("binder.md.scriban", TemplateSource.BuiltInNames);
        Assert.Contains("partials/cover.scriban", TemplateSource.BuiltInNames);
    }

    [Fact]
    public void AnOverrideReplacesOnlyTheTemplateOfTheSameName()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine("partials"));
        File.WriteAllText(folder.Combine("partials/cover.scriban"), "custom cover");
        var source = new TemplateSource(folder.Path, "my-templates");

        var cover = source.Find("partials/cover.scriban")!;
        var ssp = source.Find("ssp.md.scriban")!;

        Assert.True(cover.IsOverride);
        Assert.Equal("my-templates/partials/cover.scriban", cover.DisplayPath);
        Assert.Equal("custom cover", cover.Read());
        Assert.False(ssp.IsOverride);
        Assert.Equal("templates/ssp.md.scriban", ssp.DisplayPath);
    }

    [Fact]
    public void ALinkInTheOverrideFolderThatLeadsOutOfItIsIgnored()
    {
        using var folder = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllText(outside.Combine("secret.txt"), "secret");
        File.CreateSymbolicLink(folder.Combine("ssp.md.scriban"), outside.Combine("secret.txt"));

        var ssp = new TemplateSource(folder.Path).Find("ssp.md.scriban")!;

        Assert.False(ssp.IsOverride);
        Assert.DoesNotContain("secret", ssp.Read(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverrideSspIsRenderedInsteadOfTheBuiltIn()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("ssp.md.scriban"), "# Plan for {{ system.name | md }}\n\n{{ include 'partials/cover.scriban' }}");

        var document = SampleBuild.Pipeline(new TemplateSource(folder.Path)).Build(DocumentKind.Ssp, SampleBuild.Model);

        Assert.StartsWith("# Plan for Acme Care Coordination Platform", document.Markdown, StringComparison.Ordinal);
        Assert.Contains("```cover", document.Markdown, StringComparison.Ordinal);
    }
}
