using Evidence.Core.Catalog;
using Evidence.Core.Evaluation;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Store;

namespace Evidence.Rendering.Model;

/// <summary>
/// What stands between a control and "satisfied", written for people who do not read rule ids or raw
/// cloud errors: "1 of 14 storage buckets fail this check ...", "Hannah Cole attested on 2026-10-12
/// that the control is not implemented". The raw messages stay in the binder and in <c>problems</c>.
/// </summary>
internal sealed class PlainReasons(ControlCatalog catalog, Func<EvidenceSource, string> sourceText)
{
    private readonly Dictionary<string, CloudMapping> _mappings = catalog.Mappings
        .GroupBy(m => m.Query.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>One sentence per problem of <paramref name="evaluation"/>, in its order.</summary>
    public IReadOnlyList<string> Explain(ControlEvaluation evaluation, AttestationModel attestation) =>
        evaluation.Reasons.Where(r => r.IsProblem).Select(r => Redactor.Redact(Explain(r, evaluation.Control, attestation))!).ToList();

    private string Explain(Reason reason, ResolvedControl control, AttestationModel attestation)
    {
        var check = reason.Subject is { } key ? Check(key, control) : null;
        var where = reason.Source is { } source ? sourceText(source) : null;
        // Rule and policy results are counted by kind of resource; an advanced query's rows are what it looks for.
        var ruleId = reason.Subject is { } k && _mappings.TryGetValue(k, out var mapping) ? RuleId(mapping.Query) : null;
        var counts = reason.Item?.Counts;
        return reason.Kind switch
        {
            ReasonKind.NonCompliant when counts is not null && ruleId is null =>
                $"The query found {counts.NonCompliant:N0} in {where}: {check}",
            ReasonKind.NonCompliant when counts is { Total: null } =>
                $"{counts.NonCompliant:N0} {(counts.NonCompliant == 1 ? "fails" : "fail")} this check in {where} (the compliant ones were not counted): {check}",
            ReasonKind.NonCompliant when counts is not null =>
                $"{counts.NonCompliant:N0} of {PlainLanguage.Count(counts.Total ?? counts.NonCompliant, ruleId)} {(counts.NonCompliant == 1 ? "fails" : "fail")} this check in {where}: {check}",
            ReasonKind.NotCollected when reason.Item?.Error is { } error =>
                $"Not collected in {where} on {Texts.Date(reason.Item.CollectedAt)}, because {PlainLanguage.ExplainError(error.Code) ?? $"the cloud answered with an error ({error.Code})"}. The check: {check}",
            ReasonKind.NotCollected => $"Never collected from {where}. The check: {check}",
            ReasonKind.Stale when reason.Item is { } item =>
                $"Out of date in {where}: last evaluated on {Texts.Date(item.AsOf)}, past its maximum age since {Texts.Date(reason.Since ?? item.AsOf)}. The check: {check}",
            ReasonKind.NoResources => $"Found nothing to check in {where}, although it must. The check: {check}",
            ReasonKind.AttestationCurrent when attestation.AttestedBy is not null =>
                $"{attestation.AttestedBy} attested on {attestation.AttestedAt} that the control is {attestation.Result?.ToLowerInvariant()} for {attestation.Period}.",
            _ => Capitalize(reason.Message),
        };
    }

    /// <summary>One sentence per problem, a query failing the same way in many sources as one (organisation scale).</summary>
    public IReadOnlyList<string> ExplainGrouped(IEnumerable<IReadOnlyList<Reason>> problems, ControlEvaluation evaluation, AttestationModel attestation) =>
        problems.Select(g => Redactor.Redact(g.Count == 1 ? Explain(g[0], evaluation.Control, attestation) : ExplainGroup(g, evaluation.Control))!).ToList();

    private string ExplainGroup(IReadOnlyList<Reason> group, ResolvedControl control)
    {
        var check = group[0].Subject is { } key ? Check(key, control) : null;
        var where = ProblemGroups.Where(group);
        var failing = group.Sum(r => (long)(r.Item?.Counts.NonCompliant ?? 0));
        return group[0].Kind switch
        {
            ReasonKind.NonCompliant => $"{failing:N0} {(failing == 1 ? "resource fails" : "resources fail")} this check in {where}: {check}",
            ReasonKind.Stale => $"Out of date in {where}, past its maximum age. The check: {check}",
            ReasonKind.NoResources => $"Found nothing to check in {where}, although it must. The check: {check}",
            _ => $"Not collected in {where}. The check: {check}",
        };
    }

    /// <summary>What the query checks, in words: the mapping note's first sentence, else the query's own description.</summary>
    private string Check(string key, ResolvedControl control)
    {
        if (_mappings.TryGetValue(key, out var mapping) && mapping.Note is { } note)
        {
            return PlainLanguage.FirstSentence(note);
        }

        var query = control.Queries.FirstOrDefault(q => q.Key == key);
        return query switch
        {
            IRowQuery rows => rows.Title + ".",
            null => key,
            _ => query.Describe() + ".",
        };
    }

    private static string? RuleId(EvidenceQuery query)
    {
        var text = query.Describe();
        var space = text.LastIndexOf(' ');
        return space < 0 ? text : text[(space + 1)..];
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
