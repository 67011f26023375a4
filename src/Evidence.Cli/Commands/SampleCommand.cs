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
        var rows = new Option<long?>("--rows") { Description = "How many non-compliant resource rows the generated evidence run holds in total." };
        var accounts = new Option<int?>("--accounts")
        {
            Description = "Instead of --rows: an organisation of N AWS accounts, its evidence as the bulk plan writes it (summaries, rows for non-compliant resources only).",
        };
        var regions = new Option<int>("--regions")
        {
            Description = $"With --accounts: how many regions each account has in scope (1 to {SyntheticOrganization.Regions.Count}).",
            DefaultValueFactory = _ => SyntheticOrganization.Regions.Count,
        };
        var generate = new Command("generate", "Write the Acme Health sample workspace with a synthetic evidence run: N failing-resource rows, or an organisation of N accounts.")
        {
            directory, rows, accounts, regions,
        };
        generate.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var count = parse.GetValue(rows);
            var organisation = parse.GetValue(accounts);
            var regionCount = parse.GetValue(regions);
            if ((count is null) == (organisation is null))
            {
                throw UserException.Usage("sample generate: give either --rows N (failing rows) or --accounts N (an organisation), not both");
            }

            if (count < 0)
            {
                throw UserException.Usage($"--rows {count}: give a number of rows, 0 or more");
            }

            if (organisation is < 1 or > 9999 || regionCount < 1 || regionCount > SyntheticOrganization.Regions.Count)
            {
                throw UserException.Usage($"--accounts {organisation} --regions {regionCount}: give 1 to 9999 accounts and 1 to {SyntheticOrganization.Regions.Count} regions");
            }

            if (File.Exists(Path.Combine(dir, WorkspaceLoader.WorkspaceFile)) || Directory.Exists(Path.Combine(dir, "evidence")))
            {
                throw UserException.Io($"{dir} already holds a workspace; sample generate writes only into a new or empty folder");
            }

            var files = SampleFiles.WriteTo(dir);
            if (organisation is { } n)
            {
                SyntheticOrganization.Widen(dir, n, regionCount);
            }

            var loaded = WorkspaceLoader.Load(dir, verifyHashes: false);
            if (loaded.HasErrors)
            {
                WorkspaceSession.Print(loaded.Diagnostics, context.Error);
                return (int)ExitCode.InternalError;
            }

            if (organisation is { } size)
            {
                var (all, failingItems, failingRows) = SyntheticOrganization.Write(loaded, EvidenceApp.Tool);
                context.Out.WriteLine(
                    $"Wrote an organisation of {size:#,0} AWS accounts × {regionCount} regions to {dir}: {files} files, and one evidence run of {all:#,0} items with {failingRows:#,0} failing-resource rows over {failingItems:#,0} items.");
            }
            else
            {
                var (items, failing) = SyntheticRun.Write(loaded, count!.Value, EvidenceApp.Tool);
                context.Out.WriteLine(
                    $"Wrote a sample workspace to {dir}: {files} files, and one evidence run of {items} items with {count:#,0} failing-resource rows over {failing} items.");
            }

            context.Out.WriteLine($"Try: evidence build {dir} --as-of 2026-11-21T09:00:00Z --format md");
            return (int)ExitCode.Success;
        });
        command.Add(generate);
        return command;
    }
}
