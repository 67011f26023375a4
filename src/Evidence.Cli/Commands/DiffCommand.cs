using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Changes;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence diff [workspace]</c>: what changed between two runs or periods (default: the two latest
/// runs): findings opened, resolved and reopened; controls whose status changed and why; evidence that went
/// stale; attestations added, superseded or now overdue; queries that newly fail to collect.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var json = CommonOptions.Json();
        var from = new Option<string?>("--from") { Description = "The earlier side: a run id (20261020T060000Z) or a period (2026-Q3). Default: the run before --to." };
        var to = new Option<string?>("--to") { Description = "The later side: a run id or a period. Default: the latest run." };
        var command = new Command("diff", "Show what changed between two runs or periods: findings, control status, staleness, attestations, collection failures.")
        {
            workspace, from, to, json,
        };
        command.SetAction(parse =>
        {
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var (fromPoint, toPoint) = DiffPoints.Resolve(loaded, parse.GetValue(from), parse.GetValue(to));
            var changes = ChangeDetector.Compare(loaded, fromPoint, toPoint);
            if (parse.GetValue(json))
            {
                DiffJson.Write(context.Out, changes);
            }
            else
            {
                DiffView.Write(context, changes);
            }

            return (int)ExitCode.Success;
        });
        return command;
    }
}
