using System.CommandLine;
using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Files;
using Evidence.Core.Findings;
using Evidence.Core.Workspaces;
using Evidence.Rendering;
using Evidence.Rendering.Forms;
using Evidence.Rendering.Pdf;
using Evidence.Rendering.Redaction;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence attest request --owner ID --format docx|pdf</c>: the form a compliance lead sends an owner
/// each period: their controls, what each asks, its evidence and findings, and fields for the answers.
/// </summary>
internal static class AttestRequestCommand
{
    public static Command Create(CliContext context)
    {
        var owner = new Option<string>("--owner") { Description = "The person the form is for (a person id from evidence.yaml).", Required = true };
        var format = new Option<string>("--format") { Description = "docx (a Word form to fill in and import) or pdf (a form to print and sign).", Required = true };
        var output = new Option<string?>("--output") { Description = "The folder to write the form to. Default: out/ in the workspace." };
        var period = AttestCommand.PeriodOption();
        var workspace = AttestCommand.WorkspaceOption();
        var asOf = CommonOptions.AsOf();
        var redact = new Option<bool>("--redact") { Description = "Replace personal data and secrets found in the form's text with markers such as [REDACTED: ssn], instead of refusing (exit 41)." };
        var command = new Command("request", "Write one owner's attestation request form (Word with fields to fill in, or PDF to print).")
        {
            owner, format, output, period, workspace, asOf, redact,
        };
        command.SetAction(parse =>
        {
            var extension = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (extension is not ("docx" or "pdf"))
            {
                throw UserException.Usage($"--format '{parse.GetValue(format)}' is not a form format; use docx or pdf");
            }

            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var person = Person(parse.GetValue(owner)!, loaded.Workspace!);
            var attestPeriod = AttestCommand.ResolvePeriod(parse.GetValue(period), loaded, instant);
            var settings = loaded.Workspace!.Settings.Attestations ?? AttestationSettings.Default;
            var form = AttestationFormBuilder.Build(loaded, Evaluator.Evaluate(loaded, instant), FindingsRegister.Build(loaded, instant), person, attestPeriod, attestPeriod.Deadline(settings.Grace));
            if (form.Controls.Count == 0)
            {
                throw UserException.Usage($"{person.Id} owns no control that asks for attestation; 'evidence attest pending' lists who does");
            }

            var (checkedForm, hits) = FormRedaction.Apply(form, loaded.Workspace.Settings.Scanner(loaded.Workspace.People), parse.GetValue(redact));
            OutputGate.Check([(form.FileStem, new Redactions(hits, []))], name => name, parse.GetValue(redact), context, listedIn: null);
            form = checkedForm;
            var folder = parse.GetValue(output) ?? Path.Combine(parse.GetValue(workspace)!, "out");
            var path = Path.Combine(folder, $"{form.FileStem}.{extension}");
            string? fingerprint = null;
            AtomicFile.Write(path, stream => fingerprint = WriteForm(form, extension, stream, loaded.Workspace), overwrite: true);
            if (fingerprint is not null)
            {
                FormLedger.Record(loaded.Root, form, Path.GetFileName(path), fingerprint);
            }

            context.Out.WriteLine($"{form.OwnerName}: {form.Controls.Count} controls for {form.Period}, due by {form.DueBy}; wrote {path.Replace('\\', '/')}");
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>Writes the form; for a Word form (the one that can come back), returns its fingerprint.</summary>
    private static string? WriteForm(AttestationForm form, string extension, Stream stream, Workspace workspace)
    {
        if (extension == "docx")
        {
            return AttestationFormDocx.Write(form, stream);
        }

        var font = workspace.Settings.Font is { } relative ? Path.Combine(workspace.Root, relative) : null;
        new PdfDocumentWriter().Write(AttestationFormPdf.Build(form), stream, new RenderOptions { FontFile = font });
        return null;
    }

    private static Person Person(string id, Workspace workspace) =>
        workspace.FindPerson(id)
            ?? throw UserException.Usage($"--owner '{id}' is not a person in evidence.yaml{Suggestions.DidYouMean(id, workspace.People.Select(p => p.Id))}; a form is for one person");
}
