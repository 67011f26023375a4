using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Findings;
using Evidence.Core.Resolution;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence findings [workspace]</c>: the findings register. Each failing resource once, with the controls
/// it affects, its age, owner, severity, target date and the plan, acceptance or false positive recorded for it.
/// </summary>
internal static class FindingsCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var csv = new Option<bool>("--csv") { Description = "Write the register as CSV (one row per finding) instead of a table." };
        var owner = new Option<string?>("--owner") { Description = "Only findings owned by this person id or role id." };
        var status = new Option<string?>("--status") { Description = "Only findings in this state: " + string.Join(", ", EnumNames.All<FindingState>()) + "." };
        var command = new Command("findings", "List the findings register: every failing resource once, its controls, age, owner, target date and plan or acceptance.")
        {
            workspace, asOf, json, csv, owner, status,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw UserException.Usage("--json and --csv cannot be used together; choose one output format");
            }

            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var state = ParseState(parse.GetValue(status));
            var ownerId = parse.GetValue(owner);
            var owners = loaded.Workspace!.People.Select(p => p.Id).Concat(loaded.Catalog.Roles.Select(r => r.Id)).ToList();
            if (ownerId is not null && !owners.Contains(ownerId))
            {
                throw UserException.Usage($"--owner '{ownerId}' is neither a person nor a role{Suggestions.DidYouMean(ownerId, owners)}");
            }

            var all = FindingsRegister.Build(loaded, instant);
            var shown = all
                .Where(f => state is null || f.State == state)
                .Where(f => ownerId is null || f.Owner == ownerId || ControlResolver.OwnersOf(loaded.Workspace, f.Owner).Any(p => p.Id == ownerId))
                .ToList();
            if (parse.GetValue(json))
            {
                FindingsExport.WriteJson(context.Out, loaded, instant, shown);
            }
            else if (parse.GetValue(csv))
            {
                FindingsExport.WriteCsv(context.Out, shown);
            }
            else
            {
                FindingsView.Write(context, instant, shown);
            }

            return (int)ExitCode.Success;
        });
        return command;
    }

    private static FindingState? ParseState(string? text) => text is null ? null
        : EnumNames.TryParse<FindingState>(text, out var state) ? state
        : throw UserException.Usage($"--status '{text}' is not a finding state{Suggestions.DidYouMean(text, EnumNames.All<FindingState>())}; use one of: {string.Join(", ", EnumNames.All<FindingState>())}");
}
