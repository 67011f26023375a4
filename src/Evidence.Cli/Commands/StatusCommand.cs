using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence status [workspace]</c>: every control's status, owner, evidence, freshness and attestation.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var family = new Option<string?>("--family") { Description = "Only this family (Administrative, Physical, Technical, Organizational, Policies and Documentation) or section (164.312)." };
        var owner = new Option<string?>("--owner") { Description = "Only controls owned by this person id or role id." };
        var status = new Option<string?>("--status") { Description = "Only controls with this status: " + string.Join(", ", EnumNames.All<ControlStatus>()) + "." };
        var command = new Command("status", "Judge every control and show status, owner, evidence, freshness and attestation.")
        {
            workspace, asOf, json, family, owner, status,
        };
        command.SetAction(parse =>
        {
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit, historyAsOf: instant);
            if (loaded is null)
            {
                return (int)exit;
            }

            var evaluation = Evaluator.Evaluate(loaded, instant);
            var filter = new ControlFilter(parse.GetValue(family), parse.GetValue(owner), parse.GetValue(status), loaded);
            var controls = evaluation.Controls.Where(filter.Matches).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.WriteStatus(context.Out, loaded, evaluation, controls);
            }
            else
            {
                StatusView.Write(context, evaluation, controls, FindingsRegister.Build(loaded, instant));
            }

            return (int)ExitCode.Success;
        });
        return command;
    }
}
