using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence validate [workspace]</c>: load and check everything, report every problem at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check the workspace: YAML, references, owners, decisions, attestations, artifacts and evidence hashes.")
        {
            workspace, json,
        };
        command.SetAction(parse =>
        {
            var loaded = WorkspaceLoader.Load(parse.GetValue(workspace)!);
            var exit = WorkspaceSession.ExitFor(loaded.Diagnostics);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteDiagnostics(context.Out, loaded, exit == ExitCode.Success);
                return (int)exit;
            }

            WorkspaceSession.Print(loaded.Diagnostics, context.Error);
            var errors = loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
            {
                context.Error.WriteLine($"{loaded.DisplayRoot}: {Words.Plural(errors, "error")}");
                return (int)exit;
            }

            var items = loaded.Runs.Sum(r => r.Items.Count);
            context.Out.WriteLine(
                $"{loaded.DisplayRoot}: valid. {loaded.Catalog.Controls.Count} controls, {loaded.Overlays.Count} overlays, " +
                $"{loaded.Attestations.Count} attestations, {Words.Plural(loaded.Runs.Count, "evidence run")} ({items} items).");
            return (int)ExitCode.Success;
        });
        return command;
    }
}
