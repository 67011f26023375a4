using Evidence.Core.Files;
using Evidence.Core.Yaml;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Model;
using Evidence.Rendering.Redaction;
using Evidence.Rendering.Templates;

namespace Evidence.Rendering;

/// <summary>
/// Template → Markdown → document model, for one document at a time. It reads only the model, the
/// template folders, the workspace's diagrams and (lazily, when a writer asks for rows) the evidence store's results files.
/// </summary>
public sealed class DocumentPipeline(TemplateRenderer renderer, IRowsSource rows, string workspaceRoot)
{
    private Figures.WorkspaceFigures? _figures;
    private TemplateModel? _figuresFor;

    /// <summary>Stops a build in progress when the user asks (Ctrl-C, SIGTERM).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Scans each document's text and, when <see cref="WritesAttachments"/>, its attachments for personal data and secrets
    /// (the hits are in <see cref="RenderedDocument.WaitForScan"/>); null to skip the scan.
    /// </summary>
    public OutputRedaction? Scan { get; init; }

    /// <summary>
    /// Whether a document is written with its attachments' contents (<see cref="IDocumentWriter.EmbedsAttachments"/>: a PDF
    /// binder embeds them). When none is (Word and Markdown name them with their hashes), the files are not scanned: what
    /// the scan guards is what is written. A binder laid out only for the SSP's page numbers is scanned as the binder it
    /// stands for would be, so that a redacting build gives it the same pages.
    /// </summary>
    public bool WritesAttachments { get; init; } = true;

    /// <summary>This pipeline without the scan: for a document rendered only to be laid out for its pages, never written.</summary>
    public DocumentPipeline Unscanned() => new(renderer, rows, workspaceRoot) { Cancellation = Cancellation };

    /// <summary>
    /// Renders one document. The template's time limit covers the whole of it, Markdown included, so a template
    /// whose output is slow to read stops as surely as one that loops.
    /// </summary>
    /// <exception cref="TemplateException">The template failed, its Markdown is not something a document can hold, or the two took too long.</exception>
    /// <exception cref="InvalidDataException">An evidence file to attach leads outside the workspace through a link.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Cancellation"/> was cancelled.</exception>
    public RenderedDocument Build(DocumentKind kind, TemplateModel model) => Build(kind, model, binderPages: null);

    /// <summary>
    /// Renders one document, telling its template (as <c>binder_pages</c>, anchor to page) where the binder's
    /// PDF puts each control: the SSP names the binder page where a control's evidence starts.
    /// </summary>
    /// <inheritdoc cref="Build(DocumentKind, TemplateModel)"/>
    public RenderedDocument Build(DocumentKind kind, TemplateModel model, DocumentPages? binderPages)
    {
        ArgumentNullException.ThrowIfNull(model);
        var cancellation = Cancellation;
        var template = DocumentKinds.Template(kind);
        var timer = new PhaseTimer(EnumNames.ToKebab(kind));
        var (markdown, blocks) = Render(kind, template, model, binderPages);
        PhaseMemory.Release();
        timer.Lap("template");

        IReadOnlyList<Attachment> attachments = kind == DocumentKind.Binder ? Attachments(model) : [];
        var scanned = WritesAttachments ? attachments : [];
        var sensitive = Task.FromResult(Redactions.None);
        if (Scan is { Redact: false } report)
        {
            // Reported, not replaced: the document stays as it is whatever the scan finds. The scan runs here, not beside
            // the writing: on two cores the overlap gained nothing measurable, and a scan still running when the user
            // presses Ctrl-C slowed the build's stop past its two seconds under load. The gate takes the answer as a task.
            try
            {
                sensitive = Task.FromResult(report.Apply(markdown, scanned, cancellation).Found);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A scan that could not finish is the gate's to say, in the user's words.
                sensitive = Task.FromException<Redactions>(e);
            }

            timer.Lap("scan");
        }
        else if (Scan is { } redaction)
        {
            (markdown, var redacted, var found) = redaction.Apply(markdown, scanned, cancellation);
            attachments = WritesAttachments ? redacted : attachments;
            sensitive = Task.FromResult(found);
            if (found.Count > 0)
            {
                blocks = Converter(model).ConvertWithin(markdown, cancellation);
            }

            PhaseMemory.Release();
            timer.Lap("scan");
        }

        var document = new Document(Info(kind, model), blocks) { Attachments = attachments };
        return new RenderedDocument(kind, template, markdown, document) { Scanning = sensitive };
    }

    /// <summary>
    /// The template's Markdown and its blocks. The model's Scriban view (at organisation scale some hundreds of
    /// megabytes) lives only while the template runs, so it is gone before the scan reads the text and attachments.
    /// </summary>
    private (string Markdown, IReadOnlyList<Block> Blocks) Render(DocumentKind kind, string template, TemplateModel model, DocumentPages? binderPages)
    {
        var cancellation = Cancellation;
        var globals = ScriptModel.Globals(model);
        var pages = new Scriban.Runtime.ScriptObject();
        foreach (var (anchor, page) in binderPages?.ByAnchor ?? new Dictionary<string, int>())
        {
            pages.SetValue(anchor, page, readOnly: true);
        }

        globals.SetValue("binder_pages", pages, readOnly: true);
        globals.SetValue("document", ScriptModel.Convert(new DocumentHeaderModel(EnumNames.ToKebab(kind), DocumentKinds.Title(kind))), readOnly: true);
        using var deadline = new CancellationTokenSource(renderer.Limits.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellation);
        var converter = Converter(model);
        IReadOnlyList<Block> blocks;
        var markdown = string.Empty;
        try
        {
            markdown = renderer.RenderWithin(template, globals, stop.Token);
            blocks = converter.ConvertWithin(markdown, stop.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            var file = renderer.Source.Find(template)?.DisplayPath ?? template;
            throw new TemplateException(file, 0, 0,
                $"the document did not finish within {renderer.Limits.Timeout.TotalSeconds:0} s (the template and reading the Markdown it wrote, together); look for a loop that does not end or output far larger than a document needs");
        }
        catch (MarkdownException e)
        {
            var file = renderer.Source.Find(template)?.DisplayPath ?? template;
            var text = markdown.Split('\n').ElementAtOrDefault(e.Line - 1)?.Trim() ?? string.Empty;
            throw new TemplateException(file, 0, 0, $"line {e.Line} of the Markdown it rendered ({Shorten(text)}): {e.Problem}");
        }

        return (markdown, blocks);
    }

    /// <summary>
    /// Reads Markdown into blocks, with the workspace's diagrams as the only pictures it may place: read and checked
    /// once for every document built from <paramref name="model"/>, not once per conversion.
    /// </summary>
    private MarkdownConverter Converter(TemplateModel model)
    {
        if (!ReferenceEquals(_figuresFor, model))
        {
            (_figures, _figuresFor) = (new Figures.WorkspaceFigures(workspaceRoot, model.Plan.Diagrams.Select(d => d.File)), model);
        }

        return new MarkdownConverter(rows, _figures!);
    }

    private static DocumentInfo Info(DocumentKind kind, TemplateModel model)
    {
        var title = DocumentKinds.Title(kind);
        var properties = new List<KeyValuePair<string, string>>
        {
            new("SystemId", model.System.Id),
            new("AsOf", model.AsOf),
            new("EvidenceRuns", string.Join(", ", model.Runs.Select(r => r.Id))),
            new(Verification.BinderIndex.ManifestsProperty, string.Join(", ", model.Runs.Select(r => $"{r.Id}:{r.Manifest.Sha256}"))),
            new("Generator", model.Generator),
        };
        return new DocumentInfo
        {
            Title = title,
            SystemName = model.System.Name,
            Author = model.System.Organization,
            Subject = kind == DocumentKind.Ssp
                ? $"HIPAA Security Rule system security plan for {model.System.Name}, as of {model.AsOfText}"
                : $"HIPAA Security Rule evidence for {model.System.Name}, control by control, as of {model.AsOfText}",
            Keywords = ["HIPAA", "Security Rule", "45 CFR 164 Subpart C", title, model.System.Id],
            GeneratedAt = Timestamps.TryParseUtc(model.AsOf, out var asOf) ? asOf : throw new InvalidOperationException($"as-of '{model.AsOf}' is not a timestamp"),
            CustomProperties = properties,
        };
    }

    private List<Attachment> Attachments(TemplateModel model) =>
        model.EvidenceIndex
            .Where(e => e.File.Attachment is not null)
            .Select(e => new Attachment(
                e.File.Attachment!,
                ContainedPath.Within(workspaceRoot, e.File.Path)
                    ?? throw new InvalidDataException($"{e.File.Path} escapes the workspace through a link; run 'evidence validate' on the workspace"),
                e.File.Sha256,
                e.Kind switch
                {
                    "manifest" => $"Manifest of evidence run {e.Run}",
                    "raw" => $"Raw cloud response for evidence item {e.Item} of run {e.Run}",
                    "attestation" => $"Owner attestation record {e.File.Path}",
                    _ => $"Manual evidence document {e.File.Path}",
                }))
            .ToList();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
