using System.CommandLine;
using Evidence.Cli.Samples;
using Evidence.Core.Loading;
using Evidence.Rendering.Model;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence sample generate --rows N DIR</c>: a large synthetic workspace, for trying and benchmarking builds.</summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sample", "Sample workspaces for trying Evidence and measuring it.");
        var directory = new Argument<string>("dir") { Description = "Where to write the workspace (a new or empty folder)." };
        var rows = new Option<long>("--rows") { Description = "How many non-compliant resource rows the generated evidence run holds in total.", Required = true };
        var generate = new Command("generate", "Write the Acme Health sample workspace with a synthetic evidence run of N failing-resource rows.") { directory, rows };
        generate.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var count = parse.GetValue(rows);
            if (count < 0)
            {
                throw UserException.Usage($"--rows {count}: give a number of rows, 0 or more");
            }

            if (File.Exists(Path.Combine(dir, WorkspaceLoader.WorkspaceFile)) || Directory.Exists(Path.Combine(dir, "evidence")))
            {
                throw UserException.Io($"{dir} already holds a workspace; sample generate writes only into a new or empty folder");
            }

            var files = SampleFiles.WriteTo(dir);
            var loaded = WorkspaceLoader.Load(dir, verifyHashes: false);
            if (loaded.HasErrors)
            {
                WorkspaceSession.Print(loaded.Diagnostics, context.Error);
                return (int)ExitCode.InternalError;
            }

            var (items, failing) = SyntheticRun.Write(loaded, count, EvidenceApp.Tool);
            context.Out.WriteLine(
                $"Wrote a sample workspace to {dir}: {files} files, and one evidence run of {items} items with {count:#,0} failing-resource rows over {failing} items.");
            context.Out.WriteLine($"Try: evidence build {dir} --as-of 2026-11-21T09:00:00Z --format md");
            return (int)ExitCode.Success;
        });
        command.Add(generate);
        return command;
    }
}
