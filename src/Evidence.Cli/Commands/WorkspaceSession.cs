using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Cli.Commands;

/// <summary>Loads a workspace for a command and reports its diagnostics the same way everywhere.</summary>
internal static class WorkspaceSession
{
    /// <summary>Loads and prints diagnostics; returns null (with the exit code) when there are errors.</summary>
    /// <remarks><paramref name="historyAsOf"/>: the command judges that one instant, so older runs may stand in the folded history.</remarks>
    public static LoadedWorkspace? Load(string path, CliContext context, out ExitCode exit, bool verifyHashes = true, DateTimeOffset? historyAsOf = null)
    {
        var loaded = WorkspaceLoader.Load(path, verifyHashes, historyAsOf);
        Print(loaded.Diagnostics, context.Error);
        exit = ExitFor(loaded.Diagnostics);
        return exit == ExitCode.Success ? loaded : null;
    }

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>The exit code for a set of diagnostics: the workspace's own errors first, then evidence, then catalog.</summary>
    public static ExitCode ExitFor(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Category).ToHashSet();
        if (errors.Contains(DiagnosticCategory.Workspace))
        {
            return ExitCode.WorkspaceInvalid;
        }

        if (errors.Contains(DiagnosticCategory.Evidence))
        {
            return ExitCode.EvidenceInvalid;
        }

        return errors.Contains(DiagnosticCategory.Catalog) ? ExitCode.CatalogInvalid : ExitCode.Success;
    }
}
