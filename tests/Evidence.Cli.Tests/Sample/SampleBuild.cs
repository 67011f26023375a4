using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Model;
using Evidence.Rendering.Rows;
using Evidence.Rendering.Templates;
using Evidence.Testing;

namespace Evidence.Cli.Tests.Sample;

/// <summary>
/// The sample workspace built once to PDF and DOCX with <c>evidence build</c>, as a user would run it,
/// and, beside it, what the files should hold: the template model (citations, evidence index) and the
/// headings of each document.
/// </summary>
public sealed class SampleBuild : IDisposable
{
    public const string AsOf = "2026-11-21T09:00:00Z";

    private readonly TempDirectory _output = new();
    private readonly Dictionary<DocumentKind, IReadOnlyList<Block>> _blocks = [];

    public SampleBuild()
    {
        Run(_output.Path);
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth, verifyHashes: false);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        Model = TemplateModelBuilder.Build(loaded, Evaluator.Evaluate(loaded, DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture)));
        var pipeline = new DocumentPipeline(new TemplateRenderer(TemplateSource.BuiltIn), new EvidenceRowsSource(loaded.Runs), loaded.Root);
        foreach (var kind in new[] { DocumentKind.Ssp, DocumentKind.Binder })
        {
            _blocks[kind] = pipeline.Build(kind, Model).Document.Blocks;
        }
    }

    public TemplateModel Model { get; }

    /// <summary>Builds the sample's SSP and binder to PDF and DOCX into <paramref name="folder"/>.</summary>
    public static void Run(string folder, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        string[] args = ["build", CliRunner.Sample, "--format", "pdf,docx", "--output", folder, "--as-of", AsOf, .. extra];
        var result = CliRunner.Run(environment ?? new Dictionary<string, string>(), args);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>The file <c>evidence build</c> names for this document and format.</summary>
    public static string FileName(DocumentKind kind, string extension) =>
        $"acme-care-platform-{(kind == DocumentKind.Ssp ? "SSP" : "Binder")}-20261121T090000Z.{extension}";

    public string PathOf(DocumentKind kind, string extension) => _output.Combine(FileName(kind, extension));

    public byte[] Bytes(DocumentKind kind, string extension) => File.ReadAllBytes(PathOf(kind, extension));

    /// <summary>The document's headings in order, as the writers received them.</summary>
    public IReadOnlyList<Heading> Headings(DocumentKind kind) => [.. _blocks[kind].OfType<Heading>()];

    /// <summary>The deepest heading level the document's table of contents lists.</summary>
    public int TocLevel(DocumentKind kind) => _blocks[kind].OfType<TableOfContents>().Single().MaxLevel;

    /// <summary>A heading's text as a reader sees it.</summary>
    public static string Text(Heading heading) => Text(heading.Content);

    private static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(inline => inline switch
    {
        TextRun run => run.Text,
        Link link => Text(link.Content),
        _ => " ",
    }));

    public void Dispose() => _output.Dispose();
}
