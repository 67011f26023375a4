using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class BuildCommandTests : IDisposable
{
    private const string AsOf = "2026-11-21T09:00:00Z";
    private const string Ssp = "acme-care-platform-SSP-20261121T090000Z.md";
    private const string Binder = "acme-care-platform-Binder-20261121T090000Z.md";

    private readonly TempDirectory _out = new();

    [Fact]
    public void BuildWritesTheSspAndTheBinderWithTheAsOfTimeInTheirNames()
    {
        var result = Build("--format", "md");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Binder, Ssp], Files(_out.Path));
        Assert.Contains($"Wrote {_out.Path}/{Ssp}", result.Out, StringComparison.Ordinal);
        var binder = File.ReadAllText(_out.Combine(Binder));
        Assert.Contains("generated_at: 2026-11-21T09:00:00Z", binder, StringComparison.Ordinal);
        Assert.Contains("| 210987654321 | us-east-1 | AWS::S3::Bucket | acme-legacy-exports |", binder, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void OnATerminalTheBuildShowsProgressBarsAndStillWritesEveryFile()
    {
        var output = new StringWriter();
        var context = new CliContext { Out = output, Error = new StringWriter(), IsTerminal = true, Environment = _ => null };

        var code = EvidenceApp.Run(["build", CliRunner.Sample, "--as-of", AsOf, "--format", "md", "--output", _out.Path], context);

        Assert.Equal(0, code);
        Assert.Equal([Binder, Ssp], Files(_out.Path));
        Assert.Contains("Binder", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameInputsAndAsOfGiveByteIdenticalDocuments()
    {
        using var second = new TempDirectory();

        Build("--format", "md");
        CliRunner.Run("build", CliRunner.Sample, "--as-of", AsOf, "--format", "md", "--output", second.Path);

        Assert.Equal(File.ReadAllBytes(_out.Combine(Ssp)), File.ReadAllBytes(second.Combine(Ssp)));
        Assert.Equal(File.ReadAllBytes(_out.Combine(Binder)), File.ReadAllBytes(second.Combine(Binder)));
    }

    [Theory]
    [InlineData("ssp", Ssp)]
    [InlineData("binder", Binder)]
    public void OnlyBuildsOneDocument(string only, string file)
    {
        var result = Build("--format", "md", "--only", only);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([file], Files(_out.Path));
    }

    [Fact]
    public void ATemplateDirReplacesTheBuiltInTemplateOfTheSameName()
    {
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("ssp.md.scriban"), "# Custom plan for {{ system.name | md }}\n\n{{ include 'partials/cover.scriban' }}\n");

        var result = Build("--format", "md", "--only", "ssp", "--template-dir", templates.Path);

        Assert.Equal(0, result.ExitCode);
        var ssp = File.ReadAllText(_out.Combine(Ssp));
        Assert.Contains("# Custom plan for Acme Care Coordination Platform {#custom-plan-for-acme-care-coordination-platform}", ssp, StringComparison.Ordinal);
        Assert.Contains("```cover", ssp, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateErrorIsReportedAtItsPlaceAndLeavesNoFileAtAll()
    {
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("binder.md.scriban"), "# Binder\n\n{{ for c in controls }}{{ c.titel }}{{ end }}\n");

        var result = Build("--format", "md", "--template-dir", templates.Path);

        Assert.Equal((int)ExitCode.TemplateInvalid, result.ExitCode);
        Assert.StartsWith($"{templates.Path}/binder.md.scriban:3:", result.Error, StringComparison.Ordinal);
        Assert.Contains("'titel' is not a field of ControlModel", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AnIncludeOutsideTheTemplateFoldersIsATemplateError()
    {
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("ssp.md.scriban"), "{{ include '/etc/passwd' }}");

        var result = Build("--format", "md", "--only", "ssp", "--template-dir", templates.Path);

        Assert.Equal((int)ExitCode.TemplateInvalid, result.ExitCode);
        Assert.Equal($"{templates.Path}/ssp.md.scriban:1:4: include '/etc/passwd' is an absolute path", result.Error.Split(';')[0]);
        Assert.DoesNotContain("root:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWriterThatFailsHalfWayLeavesNoPartialFile()
    {
        var writers = new IDocumentWriter[] { new MarkdownDocumentWriter(), new FailingWriter() };

        var result = CliRunner.Run(writers, "build", CliRunner.Sample, "--as-of", AsOf, "--format", "pdf", "--output", _out.Path, "--only", "ssp");

        Assert.Equal((int)ExitCode.IoError, result.ExitCode);
        Assert.Contains("disk full", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void ThePasswordAndFontReachTheWriterFromTheEnvironmentAndTheOptions()
    {
        var writer = new RecordingWriter();
        var font = _out.Combine("font.ttf");
        File.WriteAllText(font, "not really a font");
        var environment = new Dictionary<string, string> { ["BINDER_PASSWORD"] = "correct horse" };

        var result = CliRunner.Run(environment, [writer], "build", CliRunner.Sample, "--as-of", AsOf, "--format", "pdf", "--output", _out.Combine("docs"),
            "--pdf-password-env", "BINDER_PASSWORD", "--font", font);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("correct horse", writer.Options!.PdfPassword);
        Assert.Equal(font, writer.Options.FontFile);
        Assert.Equal(2, writer.Documents.Count);
        Assert.DoesNotContain("correct horse", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void AMissingPasswordVariableIsAClearUsageError(string? value)
    {
        var environment = new Dictionary<string, string>();
        if (value is not null)
        {
            environment["BINDER_PASSWORD"] = value;
        }

        var result = CliRunner.Run(environment, "build", CliRunner.Sample, "--as-of", AsOf, "--format", "md", "--output", _out.Path, "--pdf-password-env", "BINDER_PASSWORD");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("the environment variable BINDER_PASSWORD is not set or is empty", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Theory]
    [InlineData("html", "'html' is not a document format")]
    [InlineData("mdd", "did you mean 'md'")]
    [InlineData("pdf", "--format pdf is not available in this build of Evidence; available: md")]
    [InlineData("md,docx", "--format docx is not available in this build of Evidence")]
    public void AFormatWithoutAWriterIsAUsageError(string format, string message)
    {
        // Only the Markdown writer, as on a build without the PDF and Word writers.
        var result = CliRunner.Run([new MarkdownDocumentWriter()], "build", CliRunner.Sample, "--as-of", AsOf, "--output", _out.Path, "--format", format);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void AnUnknownDocumentIsAUsageError()
    {
        var result = Build("--format", "md", "--only", "manual");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
    }

    [Fact]
    public void TheWorkspaceTemplatesSettingIsUsedWhenNoTemplateDirIsGiven()
    {
        using var workspace = new WorkspaceBuilder();
        workspace.Replace("evidence.yaml", "settings:\n", "settings:\n  templates: my-templates\n")
            .Write("my-templates/ssp.md.scriban", "# Plan of {{ system.organization | md }}\n");

        var result = CliRunner.Run("build", workspace.Root, "--as-of", AsOf, "--format", "md", "--only", "ssp", "--output", _out.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("# Plan of Test Org", File.ReadAllText(_out.Combine("test-system-SSP-20261121T090000Z.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("templates: missing-folder", "there is no folder 'missing-folder' in the workspace")]
    [InlineData("templates: ../elsewhere", "points outside the workspace")]
    [InlineData("font: /usr/share/fonts/x.ttf", "must be a file path relative to the workspace")]
    public void ABadTemplatesOrFontSettingIsAWorkspaceError(string setting, string message)
    {
        using var workspace = new WorkspaceBuilder();
        workspace.Replace("evidence.yaml", "settings:\n", $"settings:\n  {setting}\n");

        var result = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("evidence.yaml:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABuildRemovesTemporaryFilesThatEarlierKilledBuildsLeft()
    {
        // Given what a build killed outright leaves: one temporary file named as before process ids were in the name,
        // one whose process is gone, and a file of someone else's naming
        var legacy = _out.Combine($".{Ssp}.0123456789abcdef0123456789abcdef.tmp");
        var orphan = _out.Combine($".{Binder}.999999999-0123456789abcdef0123456789abcdef.tmp");
        var foreign = _out.Combine(".notes.tmp");
        foreach (var file in new[] { legacy, orphan, foreign })
        {
            File.WriteAllText(file, "half a document");
        }

        var result = Build("--format", "md");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([".notes.tmp", Binder, Ssp], Files(_out.Path));
    }

    private CliResult Build(params string[] args) =>
        CliRunner.Run(["build", CliRunner.Sample, "--as-of", AsOf, "--output", _out.Path, .. args]);

    private static string[] Files(string directory) =>
        Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose() => _out.Dispose();

    /// <summary>A "pdf" writer that writes a little, then fails as a full disk would.</summary>
    private sealed class FailingWriter : IDocumentWriter
    {
        public string Extension => "pdf";

        public bool EmbedsAttachments => true;

        public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
        {
            output.Write("%PDF-1.7 partial"u8);
            throw new IOException("disk full");
        }
    }

    /// <summary>A "pdf" writer that records what it was given and reads every row, as a real writer would.</summary>
    private sealed class RecordingWriter : IDocumentWriter
    {
        public List<Document> Documents { get; } = [];

        public RenderOptions? Options { get; private set; }

        public string Extension => "pdf";

        public bool EmbedsAttachments => true;

        public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
        {
            Documents.Add(document);
            Options = options;
            var rows = document.Blocks.OfType<Table>().Sum(t => t.Rows.LongCount());
            output.Write(System.Text.Encoding.UTF8.GetBytes($"{rows} rows"));
        }
    }
}
