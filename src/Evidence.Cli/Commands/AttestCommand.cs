using System.CommandLine;
using Evidence.Core.Attestations;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence attest CONTROL... --by PERSON --result R --comment TEXT</c>: one record per control for the
/// period, written beside (never over) what is on file; and the <c>pending</c>, <c>request</c> and
/// <c>import</c> subcommands.
/// </summary>
internal static class AttestCommand
{
    public static Command Create(CliContext context)
    {
        var controls = new Argument<string[]>("control") { Description = "The citations to attest, such as 164.308(a)(1)(ii)(A).", Arity = ArgumentArity.OneOrMore };
        var by = new Option<string>("--by") { Description = "The person attesting: the control's owner, a person in its owning role, or a delegate named in evidence.yaml.", Required = true };
        var result = new Option<string>("--result") { Description = "implemented, partially-implemented or not-implemented.", Required = true };
        var comment = new Option<string>("--comment") { Description = "What was checked this period.", Required = true };
        var period = PeriodOption();
        var evidence = new Option<string[]>("--evidence") { Description = "What you looked at: a document path, ticket or query key. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var workspace = WorkspaceOption();
        var asOf = CommonOptions.AsOf();
        var command = new Command("attest", "Record an owner's attestation for one or more controls; 'pending', 'request' and 'import' for the quarter's workflow.")
        {
            controls, by, result, comment, period, evidence, workspace, asOf,
        };
        command.Add(AttestPendingCommand.Create(context));
        command.Add(AttestRequestCommand.Create(context));
        command.Add(AttestImportCommand.Create(context));
        command.SetAction(parse =>
        {
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var outcome = ParseResult(parse.GetValue(result)!);
            var text = parse.GetValue(comment)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw UserException.Usage("--comment must say what was checked; it cannot be empty");
            }

            var attestPeriod = ResolvePeriod(parse.GetValue(period), loaded, instant);
            var person = ResolvePerson(parse.GetValue(by)!, loaded.Workspace!);
            var targets = parse.GetValue(controls)!.Select(c => ResolveControl(c, loaded)).DistinctBy(c => c.Id).ToList();
            foreach (var control in targets)
            {
                Authorize(control, loaded.Workspace!, person, instant);
                CheckOrder(Earlier(loaded, control.Id, attestPeriod), instant);
            }

            var references = parse.GetValue(evidence) ?? [];
            foreach (var control in targets)
            {
                Record(loaded, new NewAttestation(control.Id, attestPeriod, person, instant, outcome, text.Trim()) { Evidence = references }, context);
            }

            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>Writes one record, superseding the one in force for the same control and period, and says what it wrote.</summary>
    internal static string Record(LoadedWorkspace loaded, NewAttestation record, CliContext context)
    {
        var earlier = Earlier(loaded, record.Control, record.Period);
        CheckOrder(earlier, record.AttestedAt);
        var written = AttestationStore.Write(loaded.Root, record with { Supersedes = earlier?.RecordPath });
        var shown = loaded.Display($"{AttestationStore.Folder}/{written}");
        context.Out.WriteLine(earlier is null
            ? $"{record.Control} {record.Period}: {EnumNames.ToKebab(record.Result)}, by {record.AttestedBy}; recorded {shown}"
            : $"{record.Control} {record.Period}: {EnumNames.ToKebab(record.Result)}, by {record.AttestedBy}; recorded {shown}, superseding {earlier.RecordPath}");
        return written;
    }

    /// <summary>The record on file that a new one for this control and period would supersede: the tip of its chain, whenever it was made.</summary>
    internal static Attestation? Earlier(LoadedWorkspace loaded, string control, AttestationPeriod period) =>
        AttestationRules.Superseded(loaded.Attestations, control, period);

    /// <summary>Refuses a correction dated before the record it would supersede.</summary>
    internal static void CheckOrder(Attestation? earlier, DateTimeOffset at)
    {
        if (AttestationRules.IsOutOfOrder(earlier, at))
        {
            throw UserException.Usage($"{earlier!.RecordPath} was made at {Timestamps.Format(earlier.AttestedAt)}, after --as-of {Timestamps.Format(at)}; a correction must come after what it corrects");
        }
    }

    public static Option<string> WorkspaceOption() => new("--workspace", "-w")
    {
        Description = "The workspace folder (holding evidence.yaml). Default: the current folder.",
        DefaultValueFactory = _ => ".",
    };

    public static Option<string?> PeriodOption() => new("--period")
    {
        Description = "The period attested (2026-Q3, 2026-11, 2026-H2 or 2026, matching the cadence). Default: the period just ended while its grace lasts, else the current one.",
    };

    /// <summary>The period asked for, or the one owed now (the period just ended while its grace lasts, else the current one); it must fit the cadence and have begun.</summary>
    public static AttestationPeriod ResolvePeriod(string? text, LoadedWorkspace loaded, DateTimeOffset asOf)
    {
        var settings = loaded.Workspace!.Settings.Attestations ?? AttestationSettings.Default;
        if (text is null)
        {
            return AttestationRules.OwedPeriod(settings, asOf);
        }

        if (!AttestationPeriod.TryParse(text, out var period))
        {
            throw UserException.Usage($"--period '{text}' is not a period: use YYYY-Qn (quarterly), YYYY-MM (monthly), YYYY-Hn (semiannual) or YYYY (annual)");
        }

        if (period.Cadence != settings.Cadence)
        {
            throw UserException.Usage($"--period '{text}' does not fit the {EnumNames.ToKebab(settings.Cadence)} cadence set in evidence.yaml; use {AttestationPeriod.Containing(settings.Cadence, asOf)} or another {EnumNames.ToKebab(settings.Cadence)} period");
        }

        return period.Start > asOf
            ? throw UserException.Usage($"--period {period} has not begun (it starts {Timestamps.FormatDate(period.Start)}); attest a period once it has started")
            : period;
    }

    public static string ResolvePerson(string id, Workspace workspace)
    {
        var people = workspace.People.Select(p => p.Id).ToList();
        return people.Contains(id) ? id : throw UserException.Usage($"--by '{id}' is not a person in evidence.yaml{Suggestions.DidYouMean(id, people)}");
    }

    public static ResolvedControl ResolveControl(string citation, LoadedWorkspace loaded)
    {
        var control = loaded.Controls.FirstOrDefault(c => c.Id == citation)
            ?? throw UserException.Usage($"there is no control {citation} in the catalog{Suggestions.DidYouMean(citation, loaded.Controls.Select(c => c.Id))}");
        return !control.IsLeaf && !control.RequiresAttestation
            ? throw UserException.Usage($"{control.Id} is a standard that rolls up from its specifications; attest the specifications instead")
            : control;
    }

    public static void Authorize(ResolvedControl control, Workspace workspace, string person, DateTimeOffset at)
    {
        if (AttestationAuthority.Grounds(control, workspace, person, at) is null)
        {
            throw UserException.Refused(AttestationAuthority.Refusal(control, workspace, person));
        }
    }

    private static AttestationResult ParseResult(string text) =>
        EnumNames.TryParse<AttestationResult>(text, out var value)
            ? value
            : throw UserException.Usage($"--result '{text}' is not a result{Suggestions.DidYouMean(text, EnumNames.All<AttestationResult>())}; use one of: {string.Join(", ", EnumNames.All<AttestationResult>())}");
}
