using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Rendering.Model;
using Evidence.Rendering.Rows;
using Evidence.Rendering.Templates;
using Evidence.Testing;

namespace Evidence.Rendering.Tests;

/// <summary>The sample workspace loaded, judged as of 2026-11-21T09:00:00Z and modelled once for all tests.</summary>
internal static class SampleBuild
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(LoadedWorkspace Loaded, TemplateModel Model)> Built = new(() =>
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth, verifyHashes: false);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        return (loaded, TemplateModelBuilder.Build(loaded, Evaluator.Evaluate(loaded, AsOf)));
    });

    public static LoadedWorkspace Loaded => Built.Value.Loaded;

    public static TemplateModel Model => Built.Value.Model;

    public static DocumentPipeline Pipeline(TemplateSource? templates = null) =>
        new(new TemplateRenderer(templates ?? TemplateSource.BuiltIn), new EvidenceRowsSource(Loaded.Runs), Loaded.Root);

    public static ControlModel Control(string id) => Model.Controls.Single(c => c.Id == id);
}
