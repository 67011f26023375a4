using Evidence.Core.Evaluation;
using Evidence.Core.Queries;

namespace Evidence.Rendering.Model;

/// <summary>
/// A control's cloud results counted per query and role as the control is built, in both forms of the
/// binder: what its assessor checklist answers from. At organisation scale the item models hold only the
/// failures, so the checklist cannot count passing results from them.
/// </summary>
internal sealed class QueryTallies
{
    private readonly Dictionary<(string Query, EvidenceRole Role), (string Text, ResultTally States)> _queries = [];

    public void Add(Reason reason, string state, string queryText)
    {
        var key = (reason.Subject ?? string.Empty, reason.Role);
        if (!_queries.TryGetValue(key, out var query))
        {
            query = _queries[key] = (queryText, new ResultTally());
        }

        query.States.Add(state);
    }

    /// <summary>The results of the control's primary queries: those that can prove it.</summary>
    public IReadOnlyList<ResultTally> Primary() => _queries.Where(q => q.Key.Role == EvidenceRole.Primary).Select(q => q.Value.States).ToList();

    /// <summary>The results of one query, whatever its role, and its text for people (null when it has none).</summary>
    public (string? Text, IReadOnlyList<ResultTally> States) Of(string query)
    {
        var matching = _queries.Where(q => q.Key.Query == query).Select(q => q.Value).ToList();
        return (matching.Count == 0 ? null : matching[0].Text, matching.Select(q => q.States).ToList());
    }
}
