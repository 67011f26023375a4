using Evidence.Core.Evaluation;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Rendering.Model;

/// <summary>
/// Folds a control's cloud reasons into one <see cref="RuleRollupModel"/> per rule or policy as they come,
/// so a rule judged in 17,000 sources costs a few counters, not 17,000 models.
/// </summary>
internal sealed class RuleRollupBuilder
{
    private readonly Dictionary<(string Cloud, string Query, EvidenceRole Role), Tally> _rules = [];

    public void Add(Reason reason, string state, string queryText)
    {
        var source = reason.Source!;
        var key = (source.Cloud, queryText, reason.Role);
        if (!_rules.TryGetValue(key, out var tally))
        {
            tally = _rules[key] = new Tally();
        }

        tally.Add(reason, state);
    }

    public List<RuleRollupModel> Build() =>
        _rules.Select(r => r.Value.Model(r.Key.Cloud, r.Key.Query, Texts.Kebab(r.Key.Role))).ToList();

    private sealed class Tally
    {
        private readonly Dictionary<EvidenceSource, bool> _accounts = [];
        private readonly SortedSet<EvidenceMethod> _methods = [];
        private readonly ResultTally _states = new();
        private long _resources, _nonCompliant;
        private bool _uncounted;
        private DateTimeOffset? _oldest;

        public void Add(Reason reason, string state)
        {
            _states.Add(state);
            var good = state is "compliant" or "no-resources";
            // An account passes when every one of its sources (regions) does.
            var account = reason.Source! with { Region = null };
            _accounts[account] = _accounts.GetValueOrDefault(account, true) && good;
            if (reason.Item is not { } item)
            {
                return;
            }

            _methods.Add(item.Method);
            _nonCompliant += item.Counts.NonCompliant;
            if (item.Counts.Total is { } total)
            {
                _resources += total;
            }
            else
            {
                _uncounted = true;
            }

            var when = reason.Kind == ReasonKind.NoResources ? item.CollectedAt : item.EvaluatedAt ?? item.CollectedAt;
            _oldest = _oldest is { } o && o <= when ? o : when;
        }

        public RuleRollupModel Model(string cloud, string query, string role) => new()
        {
            Cloud = cloud,
            QueryText = query,
            Role = role,
            Method = _methods.Count == 0 ? "–" : string.Join(", ", _methods.Select(EvidenceMethods.Short)),
            MethodText = _methods.Count == 0 ? "not collected" : string.Join("; ", _methods.Select(EvidenceMethods.Text)),
            HasSummary = _methods.Contains(EvidenceMethod.Summary),
            Sources = _states.Sources,
            Accounts = _accounts.Count,
            AccountsPassing = _accounts.Count(a => a.Value),
            Passing = _states.Passing,
            NoResources = _states.NoResources,
            Failing = _states.Failing,
            NotCollected = _states.NotCollected,
            Stale = _states.Stale,
            Resources = _uncounted ? null : _resources,
            NonCompliantResources = _nonCompliant,
            Oldest = _oldest is { } oldest ? Texts.Instant(oldest) : null,
        };
    }
}
