using Evidence.Core.Evaluation;

namespace Evidence.Rendering.Model;

/// <summary>
/// Decides when the binder takes its organisation form: past a few sources per cloud a grid with a column
/// per source no longer fits a page, and a list of every source stops being read.
/// </summary>
internal static class EvidenceScale
{
    /// <summary>The most sources of one cloud the grid shows as columns (a landscape page holds about this many).</summary>
    public const int MaxGridSources = 8;

    /// <summary>True when some cloud gives the workspace's controls evidence from more than <see cref="MaxGridSources"/> sources.</summary>
    public static bool IsOrganisation(WorkspaceEvaluation evaluation)
    {
        var sources = new Dictionary<string, HashSet<Core.Store.EvidenceSource>>(StringComparer.Ordinal);
        foreach (var reason in evaluation.Controls.SelectMany(c => c.CloudReasons))
        {
            if (reason.Source is not { } source)
            {
                continue;
            }

            if (!sources.TryGetValue(source.Cloud, out var set))
            {
                set = sources[source.Cloud] = [];
            }

            if (set.Add(source) && set.Count > MaxGridSources)
            {
                return true;
            }
        }

        return false;
    }
}
