using Evidence.Core.Collection;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Cli.Collect;

/// <summary>What each cloud's estimate goes by: the workspace's latest run with that cloud's evidence, else the stated assumption.</summary>
internal static class EstimateBases
{
    public static Func<string, EstimateBasis> Of(LoadedWorkspace loaded)
    {
        var cache = new Dictionary<string, EstimateBasis>(StringComparer.Ordinal);
        return cloud =>
        {
            if (!cache.TryGetValue(cloud, out var basis))
            {
                var latest = loaded.Runs
                    .Where(r => r.Items.Any(i => i.Source.Cloud == cloud && i.Status == ItemStatus.Collected))
                    .MaxBy(r => r.StartedAt);
                cache[cloud] = basis = EstimateBasis.From(latest, cloud);
            }

            return basis;
        };
    }
}
