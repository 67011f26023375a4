using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence verify PATH</c>: checks an evidence run, or every run of a workspace, against the SHA-256
/// recorded for each file when it was collected. Needs no cloud service and no trust in Evidence's
/// other output: the manifest and the files are all it reads.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "An evidence run folder (evidence/runs/<UTC>), a workspace, a binder PDF, or a signed build's manifest (<system-id>-Manifest-<UTC>.json)." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "For an encrypted binder: the environment variable that holds its password." };
        var trust = new Option<string?>("--trust") { Description = "For a signed build's manifest: a PEM file of the certificates to trust; the signer must chain to one of them." };
        var command = new Command("verify", "Check evidence runs, a binder, or a signed build against their recorded SHA-256 hashes (and signature).") { path, passwordEnv, trust };
        command.SetAction(parse =>
        {
            if (parse.GetValue(path)!.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                return BinderCheck.Run(parse.GetValue(path)!, parse.GetValue(passwordEnv), context);
            }

            if (parse.GetValue(path)!.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(parse.GetValue(path)))
            {
                return SignedSetCheck.Run(parse.GetValue(path)!, parse.GetValue(trust), context);
            }

            var (root, display, only) = Resolve(parse.GetValue(path)!);
            var diagnostics = new DiagnosticBag { DefaultCategory = DiagnosticCategory.Evidence };
            var runs = only is null
                ? EvidenceStoreReader.ReadRuns(root, display, diagnostics)
                : [.. new[] { EvidenceStoreReader.ReadRun(root, only, display, diagnostics) }.OfType<EvidenceRun>()];
            var files = 0;
            foreach (var run in runs)
            {
                diagnostics.AddRange(EvidenceVerifier.Verify(run));
                diagnostics.AddRange(RunContents.Unlisted(run));
                files += EvidenceVerifier.FileCount(run);
                var state = run.State == RunState.Complete ? "complete" : "INCOMPLETE: it stopped early, so it is not a whole run";
                context.Out.WriteLine($"run {run.RunId}: {run.Items.Count} items, {state}");
            }

            var sorted = diagnostics.Sorted();
            WorkspaceSession.Print(sorted, context.Error);
            var errors = sorted.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
            {
                context.Error.WriteLine($"verification failed: {Words.Plural(errors, "problem")}");
                return (int)ExitCode.EvidenceInvalid;
            }

            context.Out.WriteLine($"verified: {files} files match their recorded SHA-256");
            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>The workspace to read runs from, how to show it, and the one run folder to check (null: all).</summary>
    private static (string Root, string Display, string? Only) Resolve(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(Path.Combine(full, EvidenceStoreReader.ManifestFile)))
        {
            var root = Path.GetFullPath(Path.Combine(full, "..", "..", ".."));
            var display = target.Replace('\\', '/').TrimEnd('/');
            var suffix = $"/{EvidenceStoreReader.RunsFolder}/{Path.GetFileName(full)}";
            display = display.EndsWith(suffix, StringComparison.Ordinal) ? display[..^suffix.Length] : Path.GetRelativePath(Environment.CurrentDirectory, root);
            return (root, display.Length == 0 ? "." : display, full);
        }

        if (Directory.Exists(Path.Combine(full, EvidenceStoreReader.RunsFolder)))
        {
            return (full, target.Replace('\\', '/').TrimEnd('/'), null);
        }

        throw UserException.Usage($"{target} is neither an evidence run (a folder with {EvidenceStoreReader.ManifestFile}) nor a workspace with {EvidenceStoreReader.RunsFolder}/");
    }
}
