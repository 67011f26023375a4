using Evidence.Core.Clouds;
using Evidence.Core.Evaluation;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>
/// Builds the model of each cloud reason, and remembers which items the documents use and under which
/// control each item's failing resources are listed (the first that uses it, in the order asked).
/// </summary>
internal sealed class EvidenceItemModelBuilder(Workspace workspace, IReadOnlyList<EvidenceRun> runs, EvidenceFiles files)
{
    /// <summary>
    /// True in the organisation form, which lists failing resources only under a rule's non-compliant results: there
    /// an item judged stale (or otherwise not current) under one control lists no rows, so it must not claim them
    /// from a control that judges the same item non-compliant (queries can have different maximum ages).
    /// </summary>
    public bool RowsOnlyWhenNonCompliant { get; init; }

    private readonly Dictionary<string, EvidenceRun> _runs = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
    private readonly Dictionary<(string Run, string Item), ControlRefModel> _rowsShownIn = [];
    private readonly Dictionary<(string Run, string Item), EvidenceItem> _used = [];
    private readonly Dictionary<EvidenceSource, string> _sourceTexts = [];

    /// <summary>Every item a reason used, by run and item id.</summary>
    public IEnumerable<EvidenceItem> Used =>
        _used.OrderBy(u => u.Key.Run, StringComparer.Ordinal).ThenBy(u => u.Key.Item, StringComparer.Ordinal).Select(u => u.Value);

    public EvidenceRun Run(string runId) => _runs[runId];

    /// <summary>A cloud reason's state for templates (<c>compliant</c>, <c>non-compliant</c>...) and for people.</summary>
    public static (string State, string Text) State(Reason reason) => reason.Kind switch
    {
        ReasonKind.Compliant => ("compliant", "Compliant"),
        ReasonKind.NonCompliant => ("non-compliant", "Non-compliant"),
        ReasonKind.Stale => ("stale", "Stale"),
        ReasonKind.NoResources when reason.Outcome == Outcome.Fail => ("no-resources-expected", "No resources, but some are required"),
        ReasonKind.NoResources => ("no-resources", "No resources in scope"),
        _ => ("not-collected", "Not collected"),
    };

    /// <summary>Records that the documents use the reason's item, without a model of it (the organisation form counts passing items).</summary>
    public void Use(Reason reason)
    {
        if (reason.Item is { } item)
        {
            _used[(item.RunId, item.Id)] = item;
        }
    }

    public EvidenceItemModel Build(ControlEvaluation control, Reason reason)
    {
        var query = control.Control.Queries.FirstOrDefault(q => q.Key == reason.Subject);
        var source = reason.Source!;
        var item = reason.Item;
        var run = item is null ? null : _runs[item.RunId];
        Use(reason);
        var (state, text) = State(reason);
        return new EvidenceItemModel
        {
            Query = reason.Subject ?? string.Empty,
            QueryText = query?.Describe() ?? reason.Subject ?? string.Empty,
            Source = SourceText(source),
            Account = AccountText(source),
            Cloud = source.Cloud,
            Method = item is null ? "detail" : EvidenceMethods.Key(item.Method),
            MethodText = item is null ? string.Empty : EvidenceMethods.Text(item.Method),
            State = state,
            StateText = text,
            Message = Redactor.Redact(reason.Message)!,
            Run = item?.RunId,
            Item = item?.Id,
            CollectedAt = Texts.Instant(item?.CollectedAt),
            EvaluatedAt = reason.Kind == ReasonKind.NoResources ? null : Texts.Instant(item?.EvaluatedAt),
            StaleSince = reason.Kind == ReasonKind.Stale ? Texts.Instant(reason.Since) : null,
            Raw = item is null ? [] : item.Raw.Select(f => files.RunFile(run!, f, attached: true)).ToList(),
            Results = item?.Results is { } results ? files.RunFile(run!, results, attached: false) : null,
            Counts = Counts(item),
            Error = item?.Error is { } error ? new ErrorModel(error.Code, Redactor.Redact(error.Message)!) : null,
            FailingRows = item is { Results: not null, Counts.NonCompliant: > 0 } && (!RowsOnlyWhenNonCompliant || reason.Kind == ReasonKind.NonCompliant)
                ? FailingRows(control, item)
                : null,
            Role = Texts.Kebab(reason.Role),
            RoleNote = reason.Role == Core.Queries.EvidenceRole.Supporting ? query?.RoleNote : null,
        };
    }

    /// <summary>An item's resources by state; all zero for a query never collected.</summary>
    public static CountsModel Counts(EvidenceItem? item) => item is null ? new CountsModel(0, 0, 0, 0)
        : new CountsModel(item.Counts.Compliant, item.Counts.NonCompliant, item.Counts.NotApplicable, item.Counts.InsufficientData);

    private FailingRowsModel FailingRows(ControlEvaluation control, EvidenceItem item)
    {
        var key = (item.RunId, item.Id);
        var here = new ControlRefModel(control.Id, control.Control.Control.Title, Anchors.Control(control.Id));
        var shownHere = _rowsShownIn.TryAdd(key, here);
        return new FailingRowsModel
        {
            Count = item.Counts.NonCompliant,
            Anchor = Anchors.Rows(item.RunId, item.Id),
            ShownHere = shownHere,
            ShownIn = _rowsShownIn[key],
            Columns = CloudRegistry.Of(item.Source)?.RowColumns ?? string.Empty,
        };
    }

    /// <summary>A source for people: account or subscription with its name from the boundary, as its cloud says (each described once: a boundary holds thousands).</summary>
    public string SourceText(EvidenceSource source)
    {
        if (!_sourceTexts.TryGetValue(source, out var text))
        {
            text = _sourceTexts[source] = CloudRegistry.Of(source)?.DescribeForPeople(source, workspace.Boundary) ?? source.ToString();
        }

        return text;
    }

    /// <summary>The source's account or subscription for people, its region left out.</summary>
    public string AccountText(EvidenceSource source) => SourceText(source with { Region = null }).TrimEnd();
}
