using System.CommandLine;
using System.Security.Cryptography;
using Evidence.Core.Attestations;
using Evidence.Core.Loading;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using Evidence.Rendering.Forms;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence attest import FILE.docx</c>: a returned Word request form into attestation records, reading
/// its content controls only, and refusing a form that was altered, is for another owner, period or
/// system, is unsigned, or is signed by someone who may not attest its controls.
/// </summary>
internal static class AttestImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The returned Word form (.docx)." };
        var owner = new Option<string?>("--owner") { Description = "The owner the form must be for. Default: whoever it was issued to." };
        var period = AttestCommand.PeriodOption();
        period.Description = "The period the form must be for. Default: the period just ended while its grace lasts, else the current one.";
        var workspace = AttestCommand.WorkspaceOption();
        var asOf = CommonOptions.AsOf();
        var command = new Command("import", "Read a returned Word request form into attestation records.") { file, owner, period, workspace, asOf };
        command.SetAction(parse =>
        {
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw UserException.Io($"{path}: there is no such file");
            }

            var bytes = File.ReadAllBytes(path);
            var form = Read(path, bytes);
            var expectedPeriod = AttestCommand.ResolvePeriod(parse.GetValue(period), loaded, instant);
            Match(path, form, loaded, parse.GetValue(owner), expectedPeriod, instant);
            if (!FormLedger.Issued(loaded.Root, form.Period, form.OwnerId, form.Fingerprint))
            {
                throw UserException.Form(
                    $"{path}: refused: this workspace never issued a form with this text for {form.OwnerId} and {form.Period} (no such form in {FormLedger.Relative(form.Period, form.OwnerId)}); its fixed text was edited and its fingerprint recomputed, or it was issued from another copy of the workspace whose requests/ folder is not here. Issue a fresh form with 'evidence attest request'",
                    ExitCode.FormAltered);
            }

            var signer = Signer(path, form, loaded.Workspace!);
            var controls = form.Answers.Select(a => AttestCommand.ResolveControl(a.Citation, loaded)).ToList();
            foreach (var control in controls)
            {
                AttestCommand.Authorize(control, loaded.Workspace!, signer.Id, instant);
                AttestCommand.CheckOrder(AttestCommand.Earlier(loaded, control.Id, expectedPeriod), instant);
            }

            var reference = $"request form {Path.GetFileName(path)} (sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}), signed {Timestamps.FormatDate(form.Date)} by {form.Name}: {form.Signature}";
            foreach (var answer in form.Answers)
            {
                var result = EnumNames.TryParse<AttestationResult>(answer.Result, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"the form reader returned result '{answer.Result}', which is not an attestation result");
                var record = new NewAttestation(answer.Citation, expectedPeriod, signer.Id, instant, result, answer.Comment) { Evidence = [reference] };
                AttestCommand.Record(loaded, record, context);
            }

            return (int)ExitCode.Success;
        });
        return command;
    }

    private static ReturnedForm Read(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return AttestationFormReader.Read(stream);
        }
        catch (FormException e)
        {
            throw UserException.Form($"{path}: refused: {e.Message}", e.Problem == FormProblem.Altered ? ExitCode.FormAltered : ExitCode.FormIncomplete);
        }
    }

    private static void Match(string path, ReturnedForm form, LoadedWorkspace loaded, string? owner, AttestationPeriod period, DateTimeOffset asOf)
    {
        var workspace = loaded.Workspace!;
        if (form.SystemId != workspace.System.Id)
        {
            throw Mismatch(path, $"the form is for system {form.SystemId}, not {workspace.System.Id}; import it into its own workspace");
        }

        if (owner is not null && form.OwnerId != owner)
        {
            throw Mismatch(path, $"the form was issued to {form.OwnerId}, not {owner}");
        }

        if (workspace.FindPerson(form.OwnerId) is null)
        {
            throw Mismatch(path, $"the form was issued to {form.OwnerId}, who is no longer a person in evidence.yaml");
        }

        if (form.Period != period.ToString())
        {
            throw Mismatch(path, $"the form is for {form.Period}, not {period}; pass --period {form.Period} to import a form for another period on purpose");
        }

        var date = new DateTimeOffset(form.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (date > asOf)
        {
            throw UserException.Form($"{path}: refused: it is dated {Timestamps.FormatDate(form.Date)}, after {Timestamps.Format(asOf)}", ExitCode.FormIncomplete);
        }

        if (Timestamps.TryParseUtc(form.IssuedAt, out var issued) && form.Date < DateOnly.FromDateTime(issued.UtcDateTime))
        {
            throw UserException.Form($"{path}: refused: it is dated {Timestamps.FormatDate(form.Date)}, before it was issued ({Timestamps.FormatDate(issued)})", ExitCode.FormIncomplete);
        }
    }

    /// <summary>The person who signed: the name typed matches a person's id or full name.</summary>
    private static Person Signer(string path, ReturnedForm form, Workspace workspace) =>
        workspace.People.FirstOrDefault(p => string.Equals(p.Id, form.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, form.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw UserException.Refused($"{path}: refused: it is signed by '{form.Name}', who is not a person in evidence.yaml; the form's owner ({form.OwnerId}) or their delegate must sign it");

    private static UserException Mismatch(string path, string message) => UserException.Form($"{path}: refused: {message}", ExitCode.FormMismatch);
}
