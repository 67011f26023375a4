using System.CommandLine;
using Evidence.Cli.Commands;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Clouds;
using Evidence.Rendering;
using Evidence.Rendering.Docx;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Pdf;

namespace Evidence.Cli;

/// <summary>The composition root: builds the command tree and turns every failure into an exit code.</summary>
public static class EvidenceApp
{
    static EvidenceApp() => CloudRegistry.Register(Clouds);

    /// <summary>"evidence 0.1.0": what a run's manifest says wrote it, the same version the documents name.</summary>
    public static string Tool { get; } = Rendering.Model.TemplateModelBuilder.Generator.ToLowerInvariant();

    /// <summary>
    /// The clouds this program collects from and judges, registered with <see cref="CloudRegistry"/> before any
    /// command runs; a new cloud is its project's definition added here (and its collector in <c>CollectorSet</c>).
    /// </summary>
    public static IReadOnlyList<CloudDefinition> Clouds { get; } = [AwsCloud.Instance, AzureCloud.Instance];

    /// <summary>The document writers, looked up by extension for <c>evidence build --format</c>.</summary>
    public static IReadOnlyList<IDocumentWriter> Writers { get; } =
    [
        new PdfDocumentWriter(),
        new DocxDocumentWriter(),
        new MarkdownDocumentWriter(),
    ];

    public static int Run(string[] args, CliContext context) => Run(args, context, Writers);

    public static int Run(string[] args, CliContext context, IReadOnlyList<IDocumentWriter> writers)
    {
        var root = new RootCommand("Evidence: HIPAA Security Rule audit readiness. Validate a workspace, judge its controls, and build the SSP and evidence binder.")
        {
            InitCommand.Create(context),
            ValidateCommand.Create(context),
            ControlsCommand.Create(context),
            StatusCommand.Create(context),
            FindingsCommand.Create(context),
            AttestCommand.Create(context),
            CollectCommand.Create(context),
            VerifyCommand.Create(context),
            BuildCommand.Create(context, writers),
            SampleCommand.Create(context),
            CheckCommand.Create(context),
            DiffCommand.Create(context),
            ScanCommand.Create(context),
            ServeCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"evidence: {error.Message}");
            }

            context.Error.WriteLine("Run 'evidence --help' for usage.");
            return (int)ExitCode.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UserException e)
        {
            // Template errors already read "file:line:col: message", like validation errors.
            context.Error.WriteLine(e.Code == ExitCode.TemplateInvalid ? e.Message : $"evidence: {e.Message}");
            return (int)e.Code;
        }
        catch (InvalidDataException e)
        {
            // A run manifest damaged in a part read only on demand (an item's raw pages): already "file:line:col: message".
            context.Error.WriteLine(e.Message);
            return (int)ExitCode.EvidenceInvalid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"evidence: {e.Message}");
            return (int)ExitCode.IoError;
        }
#pragma warning disable CA1031 // The last line of defence: a bug becomes a message and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"evidence: internal error ({e.GetType().Name}: {e.Message}). This is a bug in Evidence; please report it with the command you ran.");
            if (context.Environment("EVIDENCE_DEBUG") is "1")
            {
                context.Error.WriteLine(e.ToString());
            }

            return (int)ExitCode.InternalError;
        }
    }
}
