using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Evaluation;
using Evidence.Core.Files;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;
using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Docx;
using Evidence.Rendering.Model;
using Evidence.Rendering.Pdf;
using Evidence.Rendering.Redaction;
using Evidence.Rendering.Rows;
using Evidence.Rendering.Signing;
using Evidence.Rendering.Templates;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence build [workspace]</c>: renders the SSP and the evidence binder in each format asked for.
/// Every document is rendered (templates to Markdown to the document model) before any file is moved into place
/// (the SSP a second time with the binder's pages, once the binder is laid out), so a template error leaves no output;
/// each file is written under a temporary name and moved into place whole, once the personal-data gate has passed (<see cref="BuildGate"/>).
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context, IReadOnlyList<IDocumentWriter> writers)
    {
        var workspace = CommonOptions.Workspace();
        var asOf = CommonOptions.AsOf();
        var format = new Option<string>("--format") { Description = $"Formats to write, separated by commas: {string.Join(", ", writers.Select(w => w.Extension))}. Default: pdf,docx.", DefaultValueFactory = _ => "pdf,docx" };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write to. Default: out/ in the workspace." };
        var only = new Option<string?>("--only") { Description = "Build one document only: ssp or binder." };
        only.AcceptOnlyFromAmong("ssp", "binder");
        var templateDir = new Option<string?>("--template-dir") { Description = "A folder of template overrides; a file there replaces the built-in of the same name. Default: settings.templates." };
        var passwordEnv = new Option<string?>("--pdf-password-env") { Description = "Encrypt the PDF with the password held in this environment variable (never on the command line)." };
        var font = new Option<string?>("--font") { Description = "A TrueType font file for PDF and Word. Default: settings.font, else the system's fonts." };
        var signKey = new Option<string?>("--sign-key")
        {
            Description = "Sign the build with this PEM file (an X.509 certificate and its RSA or ECDSA private key): writes <system-id>-Manifest-<UTC stamp>.json, " +
                          "every document and evidence file with its SHA-256, and a detached CMS signature of it (.p7s).",
        };
        var redact = new Option<bool>("--redact")
        {
            Description = "Replace personal data and secrets found in the documents' text and attached evidence with markers such as [REDACTED: ssn] " +
                          "(listed in \"Appendix: Redactions\"), instead of refusing to build (exit 41).",
        };
        var command = new Command("build", "Render the System Security Plan and the evidence binder, stamped with the as-of time.")
        {
            workspace, asOf, format, output, only, templateDir, passwordEnv, font, signKey, redact,
        };
        command.SetAction(parse =>
        {
            var chosen = DocumentFormats.Resolve(parse.GetValue(format)!, writers);
            var password = CommonOptions.PasswordFrom("--pdf-password-env", parse.GetValue(passwordEnv), context);
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            using var signer = parse.GetValue(signKey) is { } key ? SignedSet.LoadSigner(key) : null;
            var timer = new PhaseTimer("build");
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var options = new RenderOptions { FontFile = FontFile(parse.GetValue(font), loaded), PdfPassword = password };
            var kinds = parse.GetValue(only) switch
            {
                "ssp" => [DocumentKind.Ssp],
                "binder" => [DocumentKind.Binder],
                _ => new[] { DocumentKind.Ssp, DocumentKind.Binder },
            };
            var folder = parse.GetValue(output) ?? Path.Combine(parse.GetValue(workspace)!, "out");
            var written = new List<string>();
            var warnings = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            using var copies = new RedactedCopies();
            var whole = false;
            try
            {
                AtomicFile.RemoveStale(folder);
                var stop = context.Cancellation;
                stop.ThrowIfCancellationRequested();
                timer.Lap("load");
                var evaluation = Evaluator.Evaluate(loaded, instant);
                timer.Lap("judge");
                var model = TemplateModelBuilder.Build(loaded, evaluation);
                loaded.ReleaseRows();
                PhaseMemory.Release();
                timer.Lap("model");
                var scan = new OutputRedaction(loaded.Workspace!.Settings.Scanner(loaded.Workspace.People), parse.GetValue(redact), copies.Path);
                var pagination = new BuildPagination(writers.OfType<PdfDocumentWriter>().FirstOrDefault(), options);
                var binderPdf = kinds.Contains(DocumentKind.Binder) && chosen.Any(w => w is PdfDocumentWriter);
                var documents = Render(loaded, model, Templates(parse.GetValue(templateDir), loaded), kinds, scan, pagination, binderPdf, chosen.Any(w => w.EmbedsAttachments), stop);
                var stamp = Core.Yaml.Timestamps.Compact(instant);
                var gate = new BuildGate(documents, scan.Redact, pagination.ToWrite, gated => OutputGate.Check(
                    gated.Select(d => (Path.GetFileNameWithoutExtension(DocumentKinds.FileName(d.Document.Kind, loaded.Workspace.System.Id, stamp, "md")), d.Found)).ToList(),
                    name => loaded.Display(name.StartsWith("artifacts/", StringComparison.Ordinal) ? name : $"evidence/runs/{name}"), scan.Redact, context), stop);
                // The binder's PDF first, when it is written: its layout gives the pages the SSP names and Word prints.
                var jobs = documents.OrderBy(d => d.Kind == DocumentKind.Binder ? 0 : 1).SelectMany(d => chosen.OrderBy(w => w is PdfDocumentWriter ? 0 : 1).Select(writer =>
                {
                    var path = Path.Combine(folder, DocumentKinds.FileName(d.Kind, loaded.Workspace!.System.Id, stamp, writer.Extension));
                    var display = path.Replace('\\', '/');
                    return new BuildProgress.Job(display, Work(d.Document), progress =>
                    {
                        var document = pagination.ToWrite(d).Document;
                        // Word prints the PDF's page numbers in its contents until it updates the field.
                        var told = options with
                        {
                            Warning = message => warnings[display] = message,
                            Pages = writer is DocxDocumentWriter ? pagination.Of(document) : null,
                            Paginated = writer is PdfDocumentWriter ? laidOut => pagination.Record(document, laidOut) : null,
                        };
                        var writing = new PhaseTimer(writer.Extension);
                        Write(path, writer, document, told, new StoppingProgress(progress, gate, stop), gate, stop);
                        written.Add(path);
                        writing.Lap($"{EnumNames.ToKebab(d.Kind)} written");
                    });
                })).ToList();
                try
                {
                    BuildProgress.Run(context, jobs);
                }
                catch (BuildGate.Refused)
                {
                    gate.Refuse();
                }

                gate.AfterWriting();

                // After the progress display is done, one line per document, in the order the documents are named.
                foreach (var (display, message) in warnings.OrderBy(w => w.Key, StringComparer.Ordinal))
                {
                    context.Error.WriteLine($"warning: {display}: {message}");
                }

                if (signer is not null)
                {
                    stop.ThrowIfCancellationRequested();
                    var manifest = SignedSet.Write(folder, stamp, model, jobs.Select(j => j.Display), signer, context);
                    context.Out.WriteLine($"Signed {manifest.Replace('\\', '/')}{DetachedSignature.Extension} ({signer.Subject}).");
                }

                whole = true;
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                throw UserException.Interrupted($"the build was stopped (Ctrl-C or SIGTERM); {Words.Plural(written.Count, "finished document")} and every temporary file removed");
            }
            catch (PdfRenderException e)
            {
                // A file a document embeds (a diagram, an attachment) cannot be drawn, or no longer matches its record.
                throw UserException.Evidence(e.Message);
            }
            finally
            {
                // A build is whole or absent: stopped or failed (the SSP is written after the binder, whose layout gives
                // its pages), the documents it finished go too, so no half set is mistaken for a build.
                if (!whole)
                {
                    written.ForEach(File.Delete);
                }
            }

            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>Passes progress on and, at each report, stops the writer once the user has asked to stop or the gate refuses.</summary>
    private sealed class StoppingProgress(IProgress<RenderProgress> inner, BuildGate gate, CancellationToken stop) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value)
        {
            stop.ThrowIfCancellationRequested();
            gate.ThrowIfFound();
            inner.Report(value);
        }
    }

    private static List<RenderedDocument> Render(
        LoadedWorkspace loaded, TemplateModel model, TemplateSource templates, IReadOnlyList<DocumentKind> kinds, OutputRedaction scan, BuildPagination pagination, bool binderPdf,
        bool embedsAttachments, CancellationToken stop)
    {
        var pipeline = new DocumentPipeline(new TemplateRenderer(templates), new EvidenceRowsSource(loaded.Runs), loaded.Root) { Cancellation = stop, Scan = scan, WritesAttachments = embedsAttachments };
        try
        {
            return pagination.Render(pipeline, model, kinds, binderPdf);
        }
        catch (TemplateException e)
        {
            throw UserException.Template(e.Message);
        }
        catch (InvalidDataException e)
        {
            // An evidence file that a link has turned into some other file since the workspace was loaded.
            throw UserException.Evidence(e.Message);
        }
    }

    private static void Write(string path, IDocumentWriter writer, Document document, RenderOptions options, IProgress<RenderProgress> progress, BuildGate gate, CancellationToken stop)
    {
        try
        {
            AtomicFile.Write(path, stream =>
            {
                using var stoppable = new StoppableStream(stream, stop);
                writer.Write(document, stoppable, options, progress);
                gate.BeforeCommit();
            }, overwrite: true);
        }
        catch (InvalidDataException e)
        {
            // A results file that no longer parses: the evidence store is damaged, not the command line.
            throw UserException.Evidence($"{e.Message}; run 'evidence validate' on the workspace");
        }
    }

    private static TemplateSource Templates(string? option, LoadedWorkspace loaded)
    {
        if (option is not null)
        {
            return Directory.Exists(option)
                ? new TemplateSource(option, option)
                : throw UserException.Usage($"--template-dir '{option}' is not a folder");
        }

        var setting = loaded.Workspace!.Settings.Templates;
        return setting is null
            ? TemplateSource.BuiltIn
            : new TemplateSource(Path.Combine(loaded.Root, setting), loaded.Display(setting));
    }

    private static string? FontFile(string? option, LoadedWorkspace loaded)
    {
        if (option is not null)
        {
            return File.Exists(option) ? Path.GetFullPath(option) : throw UserException.Usage($"--font '{option}' is not a file");
        }

        var setting = loaded.Workspace!.Settings.Font;
        return setting is null ? null : ContainedPath.Within(loaded.Root, setting)
            ?? throw UserException.Workspace($"{loaded.Workspace.Settings.FontLocation}: 'settings.font' ('{setting}') escapes the workspace through a link; keep the font file inside the workspace folder");
    }

    /// <summary>Blocks plus table rows, as far as known: what the progress bar counts.</summary>
    private static long Work(Document document) =>
        document.Blocks.Count + document.Blocks.OfType<Table>().Sum(t => t.RowCount ?? 0);
}
