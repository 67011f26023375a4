using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// The findings history of the runs collected so far, folded: for each query and source, every failing
/// resource's sightings (first and last seen, resolved, reopened), and which runs hold the newest answer to
/// some query. With it, <c>status</c> and <c>check</c> read only the runs collected since and the runs
/// evaluation judges, so their cost does not grow with years of history. Derived data: it is rebuilt
/// from the runs whenever they no longer match it (see <see cref="Loading.HistoryCache"/>).
/// </summary>
internal sealed class HistoryCheckpoint
{
    /// <summary>The runs folded in, by folder name, each with what identifies its manifest.</summary>
    public required IReadOnlyList<RunStamp> Runs { get; init; }

    /// <summary>The latest collection instant of any folded answer: a later run can be folded on top.</summary>
    public required DateTimeOffset Through { get; init; }

    /// <summary>Folders of the folded runs that hold the newest answer to some query from some source.</summary>
    public required IReadOnlyList<string> Newest { get; init; }

    /// <summary>Each query key and source key's sightings, by normalized resource id.</summary>
    public required IReadOnlyDictionary<(string Query, string Source), IReadOnlyDictionary<string, FindingHistory.Sighting>> Groups { get; init; }

    private HashSet<string>? _folders;

    /// <summary>True when the stamps changed since the file was read (new write times), so it is worth writing again.</summary>
    public bool Changed { get; private init; }

    public HistoryCheckpoint Restamped(IReadOnlyList<RunStamp> stamps) =>
        new() { Runs = stamps, Through = Through, Newest = Newest, Groups = Groups, Changed = true };

    public bool Covers(EvidenceRun run) => (_folders ??= Runs.Select(r => r.Folder).ToHashSet(StringComparer.Ordinal)).Contains(FolderOf(run));

    public static string FolderOf(EvidenceRun run) => Path.GetFileName(run.Directory);

    /// <summary>
    /// Folds <paramref name="runs"/> (all collected after <paramref name="earlier"/>'s, if given) on top of it.
    /// <paramref name="runs"/> may also hold runs already folded (evaluation loads them); those are skipped.
    /// </summary>
    public static HistoryCheckpoint Fold(
        HistoryCheckpoint? earlier, IReadOnlyList<EvidenceRun> runs, IReadOnlyList<RunStamp> stamps,
        Func<EvidenceRun, EvidenceItem, IReadOnlyList<ResultRow>> failingRows)
    {
        var fresh = runs.Where(r => earlier?.Covers(r) != true).ToList();
        var groups = new Dictionary<(string Query, string Source), IReadOnlyDictionary<string, FindingHistory.Sighting>>();
        var answers = Answers(fresh, _ => true);
        foreach (var key in answers.Keys.Concat(earlier?.Groups.Keys ?? []).Distinct())
        {
            var history = Replay(key, earlier, answers, fresh, failingRows);
            groups[key] = history.ByResource.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        var all = runs.SelectMany(r => r.Items).ToList();
        return new HistoryCheckpoint
        {
            Runs = stamps,
            Through = all.Count == 0 ? earlier?.Through ?? DateTimeOffset.MinValue : Max(all.Max(i => i.CollectedAt), earlier?.Through),
            Newest = NewestHolders(runs),
            Groups = groups,
        };
    }

    /// <summary>
    /// The history of one query and source: the folded sightings, if any, then the answers of the runs given.
    /// <paramref name="runs"/> must be the unfolded runs only.
    /// </summary>
    public static FindingHistory Replay(
        (string Query, string Source) key, HistoryCheckpoint? earlier,
        IReadOnlyDictionary<(string Query, string Source), List<EvidenceItem>> answers, IReadOnlyList<EvidenceRun> runs,
        Func<EvidenceRun, EvidenceItem, IReadOnlyList<ResultRow>> failingRows)
    {
        var items = answers.GetValueOrDefault(key) ?? [];
        var source = items.Count > 0 ? items[0].Source : null;
        Func<string, string> normalize = source is null ? id => id : id => FindingKey.ResourceId(source, id);
        var history = earlier?.Groups.GetValueOrDefault(key) is { } folded
            ? new FindingHistory(normalize, folded)
            : new FindingHistory(normalize);
        var byId = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        foreach (var item in items)
        {
            history.Add(item, failingRows(byId[item.RunId], item));
        }

        return history;
    }

    /// <summary>The collected answers of <paramref name="runs"/> that <paramref name="include"/> keeps, oldest first, by query and source key.</summary>
    public static Dictionary<(string Query, string Source), List<EvidenceItem>> Answers(IEnumerable<EvidenceRun> runs, Func<EvidenceItem, bool> include) =>
        runs.SelectMany(r => r.Items)
            .Where(i => i.Status == ItemStatus.Collected && i.Results is not null && include(i))
            .GroupBy(i => (i.QueryKey, FindingKey.Source(i.Source)))
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.CollectedAt).ThenBy(i => i.RunId, StringComparer.Ordinal).ToList());

    /// <summary>The folders of the runs holding the newest answer (collected or not) to each query from each source.</summary>
    private static List<string> NewestHolders(IEnumerable<EvidenceRun> runs)
    {
        var newest = new Dictionary<(string, EvidenceSource), (DateTimeOffset At, EvidenceRun Run)>();
        foreach (var run in runs)
        {
            foreach (var item in run.Items)
            {
                // Keyed as evaluation keys its index (Azure subscriptions compare without case).
                var key = (item.QueryKey, item.Source with { Subscription = item.Source.Subscription?.ToLowerInvariant() });
                if (!newest.TryGetValue(key, out var current) || item.CollectedAt > current.At)
                {
                    newest[key] = (item.CollectedAt, run);
                }
            }
        }

        return newest.Values.Select(v => FolderOf(v.Run)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}

/// <summary>What identifies one run's manifest: its folder, size, last write time and SHA-256.</summary>
internal sealed record RunStamp(string Folder, long Size, long WriteTicks, string Sha256);
