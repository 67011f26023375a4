using Evidence.Core.Clouds;
using Evidence.Core.Evaluation;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Web.Pages.Sources;

/// <summary>
/// Controls × accounts (or subscriptions) with failing counts, for the dashboard's heat map. Regions add up into
/// their account, so an organisation of hundreds of sources stays a few columns wide: the accounts with the most
/// failing resources get a column each, and the rest add up into one last column that says how many it holds.
/// Built once per workspace snapshot from the evaluation's reasons; it keeps counters, nothing per resource.
/// </summary>
internal sealed class SourceGrid
{
    /// <summary>The most columns the map draws, the folded one included: wider would not stay readable.</summary>
    public const int MaxColumns = 12;

    private SourceGrid(IReadOnlyList<SourceColumn> columns, IReadOnlyList<SourceRow> rows, int accounts, int withoutCloudEvidence)
    {
        Columns = columns;
        Rows = rows;
        Accounts = accounts;
        WithoutCloudEvidence = withoutCloudEvidence;
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    /// <summary>The controls with cloud evidence, in catalog order.</summary>
    public IReadOnlyList<SourceRow> Rows { get; }

    /// <summary>Every account and subscription that evidence came from, folded or not.</summary>
    public int Accounts { get; }

    /// <summary>Controls judged on documents and attestations only, which have no row.</summary>
    public int WithoutCloudEvidence { get; }

    public SourceColumn? Folded => Columns.Count > 0 && Columns[^1].Folded > 0 ? Columns[^1] : null;

    /// <summary>The largest failing count of a single account's cell, which sets the colour scale (the folded column is shaded per account).</summary>
    public int MaxFailing => Rows.SelectMany(r => r.Cells.Take(Folded is null ? r.Cells.Count : r.Cells.Count - 1)).Max(c => c?.Failing) ?? 0;

    public static SourceGrid Build(IReadOnlyList<ControlEvaluation> controls, Boundary boundary, int maxColumns = MaxColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColumns, 2);
        var accounts = new Dictionary<EvidenceSource, Account>();
        var withoutCloudEvidence = 0;
        for (var row = 0; row < controls.Count; row++)
        {
            var any = false;
            foreach (var reason in controls[row].CloudReasons)
            {
                if (reason.Source is not { } source)
                {
                    continue;
                }

                var key = source with { Region = null };
                if (!accounts.TryGetValue(key, out var account))
                {
                    account = accounts[key] = new Account(Describe(key, boundary), CloudRegistry.Of(key)?.ShortName(key, boundary) ?? key.Cloud);
                }

                account.Add(row, source, reason);
                any = true;
            }

            withoutCloudEvidence += any ? 0 : 1;
        }

        var ordered = accounts.Values
            .OrderByDescending(a => a.Total.Failing).ThenByDescending(a => a.Total.Problems).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var shown = ordered.Count <= maxColumns ? ordered : ordered.Take(maxColumns - 1).ToList();
        var folded = ordered.Skip(shown.Count).ToList();
        var columns = shown.Select(a => new SourceColumn(a.Name, a.Label, a.Regions.Count, a.Total)).ToList();
        if (folded.Count > 0)
        {
            var total = folded.Aggregate(default(SourceCell), (sum, a) => sum.Add(a.Total));
            columns.Add(new SourceColumn($"{folded.Count} more accounts", $"{folded.Count} more", folded.Sum(a => a.Regions.Count), total, folded.Count));
        }

        var rows = new List<SourceRow>();
        for (var row = 0; row < controls.Count; row++)
        {
            var cells = shown.Select(a => a.Cell(row)).ToList();
            if (folded.Count > 0)
            {
                cells.Add(folded.Aggregate((SourceCell?)null, (sum, a) => a.Cell(row) is { } cell ? (sum ?? default).Add(cell) : sum));
            }

            if (cells.Any(c => c is not null))
            {
                rows.Add(new SourceRow(controls[row], cells));
            }
        }

        return new SourceGrid(columns, rows, ordered.Count, withoutCloudEvidence);
    }

    private static string Describe(EvidenceSource account, Boundary boundary) =>
        (CloudRegistry.Of(account)?.DescribeForPeople(account, boundary) ?? account.ToString()).Trim();

    /// <summary>One account's counters while the grid is built: per control row, and in total.</summary>
    private sealed class Account(string name, string label)
    {
        private readonly Dictionary<int, SourceCell> _cells = [];

        public string Name { get; } = name;

        public string Label { get; } = label;

        public HashSet<EvidenceSource> Regions { get; } = [];

        public SourceCell Total { get; private set; }

        public void Add(int row, EvidenceSource source, Reason reason)
        {
            Regions.Add(source);
            var failing = reason.Item?.Counts.NonCompliant ?? 0;
            var cell = new SourceCell(failing, reason.IsProblem && failing == 0 ? 1 : 0, 1);
            _cells[row] = _cells.TryGetValue(row, out var sum) ? sum.Add(cell) : cell;
            Total = Total.Add(cell);
        }

        public SourceCell? Cell(int row) => _cells.TryGetValue(row, out var cell) ? cell : null;
    }
}
