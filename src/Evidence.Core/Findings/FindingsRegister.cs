using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Findings;

/// <summary>
/// Builds the findings register: every failing resource or failing query row, once per rule and source
/// however many controls use it, with its history across the evidence runs and the team's decisions
/// from <c>findings.yaml</c>. A pure function of the workspace, its runs and the as-of instant.
/// </summary>
public static class FindingsRegister
{
    public static IReadOnlyList<Finding> Build(LoadedWorkspace loaded, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Build needs a workspace whose evidence.yaml loaded.");
        var users = QueryUsers(loaded.Controls);
        var deadlines = workspace.Settings.Remediation ?? RemediationDeadlines.Default;
        var decisions = new Decisions(loaded.FindingRecords);
        var findings = new List<Finding>();
        var checkpoint = loaded.History;
        if (checkpoint is not null && asOf < checkpoint.Through)
        {
            throw new InvalidOperationException($"The workspace was loaded with its history folded through {checkpoint.Through:O}; load it in full to judge an earlier instant.");
        }

        var runs = loaded.Runs.Where(r => checkpoint?.Covers(r) != true).ToList();
        var answers = HistoryCheckpoint.Answers(runs, i => i.CollectedAt <= asOf);
        foreach (var (key, source) in Wanted(users, workspace.Boundary, answers.Keys.Concat(checkpoint?.Groups.Keys ?? [])))
        {
            var history = HistoryCheckpoint.Replay(key, checkpoint, answers, runs, loaded.FailingRows);
            var (query, controls) = users[key.Query];
            // One list of citations for every finding of the query: read-only, and 200,000 findings need not hold 200,000 copies.
            IReadOnlyList<string> citations = controls.Select(c => c.Id).ToArray();
            findings.AddRange(history.Sightings.Select(s => Judge(s, query, source, controls, citations, decisions, deadlines, asOf)));
        }

        // In place: the order ends on the key, which no two findings share, so an unstable sort gives the one order.
        findings.Sort(FindingOrder.Instance);
        return findings;
    }

    /// <summary>For each cloud query key, the query and the applicable controls (in citation order) that use it.</summary>
    private static Dictionary<string, (EvidenceQuery Query, List<ResolvedControl> Controls)> QueryUsers(IEnumerable<ResolvedControl> controls)
    {
        var users = new Dictionary<string, (EvidenceQuery Query, List<ResolvedControl> Controls)>(StringComparer.Ordinal);
        foreach (var control in controls.Where(c => c.Status != ImplementationStatus.NotApplicable))
        {
            foreach (var query in control.Queries.Where(q => q.IsCloud))
            {
                if (!users.TryGetValue(query.Key, out var entry))
                {
                    users[query.Key] = entry = (query, []);
                }

                entry.Controls.Add(control);
            }
        }

        return users;
    }

    /// <summary>
    /// The query and source keys with answers that the boundary asks for, in key order, each with its source. Only
    /// answered queries have their sources listed, one query at a time: an organisation's boundary asks for millions
    /// of (query, source) pairs, and a workspace that has collected none of them must not hold them all to say so.
    /// </summary>
    private static IEnumerable<((string Query, string Source) Key, EvidenceSource Source)> Wanted(
        Dictionary<string, (EvidenceQuery Query, List<ResolvedControl> Controls)> users, Boundary boundary, IEnumerable<(string Query, string Source)> answered)
    {
        var byQuery = answered.Distinct()
            .Where(k => users.ContainsKey(k.Query))
            .OrderBy(k => k.Query, StringComparer.Ordinal)
            .ThenBy(k => k.Source, StringComparer.Ordinal)
            .GroupBy(k => k.Query, StringComparer.Ordinal);
        foreach (var keys in byQuery)
        {
            var sources = new Dictionary<string, EvidenceSource>(StringComparer.Ordinal);
            foreach (var source in EvidenceSources.For(users[keys.Key].Query, boundary))
            {
                sources.TryAdd(FindingKey.Source(source), source);
            }

            foreach (var key in keys)
            {
                if (sources.TryGetValue(key.Source, out var source))
                {
                    yield return (key, source);
                }
            }
        }
    }

    private static Finding Judge(
        FindingHistory.Sighting sighting, EvidenceQuery query, EvidenceSource source, List<ResolvedControl> controls, IReadOnlyList<string> citations,
        Decisions decisions, RemediationDeadlines deadlines, DateTimeOffset asOf)
    {
        var key = FindingKey.Of(query.Key, source, sighting.Row.ResourceId);
        var record = decisions.For(key);
        var severity = record?.Severity ?? query.Severity ?? Severity.Medium;

        // A finding that comes back is a new occurrence: its deadline runs from when it reopened.
        var started = sighting.ReopenedAt ?? sighting.FirstSeen;
        var due = record?.Remediation?.TargetDate is { } target ? EndOf(target) : EndOf(DateOnly.FromDateTime(Add(started, deadlines.For(severity)).UtcDateTime));
        return new Finding
        {
            Key = key,
            Query = query,
            Source = source,
            ResourceType = sighting.Row.ResourceType,
            ResourceId = sighting.Row.ResourceId,
            Annotation = sighting.Row.Annotation,
            Citations = citations,
            Severity = severity,
            Owner = record?.Owner?.Value ?? record?.Remediation?.Owner?.Value ?? controls[0].OwnerRef,
            FirstSeen = sighting.FirstSeen,
            LastSeen = sighting.LastSeen,
            Failing = sighting.Spans,
            ResolvedAt = sighting.ResolvedAt,
            ReopenedAt = sighting.ReopenedAt,
            Due = due,
            State = StateOf(sighting, record, due, asOf),
            Age = (sighting.ResolvedAt ?? asOf) - sighting.FirstSeen,
            RootCause = RootCauseOf(sighting.Row, source),
            Record = record,
            LastItem = sighting.LastItem,
        };
    }

    private static FindingState StateOf(FindingHistory.Sighting sighting, FindingRecord? record, DateTimeOffset due, DateTimeOffset asOf)
    {
        if (sighting.ResolvedAt is not null)
        {
            return FindingState.Resolved;
        }

        // A decision counts from the day it was made: an older --as-of sees the finding as it stood then.
        if (record?.DecisionAt(asOf) is { } decided)
        {
            return decided;
        }

        if (asOf >= due)
        {
            return FindingState.Overdue;
        }

        return sighting.ReopenedAt is not null ? FindingState.Reopened : FindingState.Open;
    }

    /// <summary>Where the resource lives (the row's own account and region, which an aggregator's rows carry) and its id.</summary>
    private static string RootCauseOf(ResultRow row, EvidenceSource source)
    {
        var where = row.Account is { } account ? $"{account}/{row.Region ?? source.Region}" : row.Subscription?.ToLowerInvariant() ?? FindingKey.Source(source);
        return $"{where}|{FindingKey.ResourceId(source, row.ResourceId)}";
    }

    /// <summary>A date given in a file lasts until the end of that day (UTC); the last representable day never ends.</summary>
    internal static DateTimeOffset EndOf(DateOnly date) =>
        date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant (UTC) of a date given in a file.</summary>
    internal static DateTimeOffset Start(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Adds without overflowing: a deadline past the end of time is the end of time.</summary>
    private static DateTimeOffset Add(DateTimeOffset instant, TimeSpan span) =>
        DateTimeOffset.MaxValue - instant < span ? DateTimeOffset.MaxValue : instant + span;
}
