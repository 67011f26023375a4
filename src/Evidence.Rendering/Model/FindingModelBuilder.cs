using Evidence.Core.Findings;
using Evidence.Core.Resolution;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>Builds the documents' view of the findings register: people by name, dates as dates, free text redacted.</summary>
internal sealed class FindingModelBuilder(Workspace workspace, Func<string, string?> controlTitle, Func<EvidenceSource, string> sourceText)
{
    public FindingModel Build(Finding finding) => new()
    {
        Id = finding.Id,
        Key = finding.Key,
        State = Texts.Kebab(finding.State),
        StateText = Texts.Sentence(finding.State),
        IsOpen = finding.IsOpen,
        Severity = Texts.Kebab(finding.Severity),
        SeverityText = Texts.Sentence(finding.Severity),
        Resource = finding.ResourceName,
        ResourceId = finding.ResourceId,
        ResourceType = finding.ResourceType,
        Rule = finding.RuleName,
        Query = finding.Query.Key,
        Source = sourceText(finding.Source),
        Annotation = Redactor.Redact(finding.Annotation),
        Controls = finding.Citations.Select(c => new ControlRefModel(c, controlTitle(c) ?? c, Anchors.Control(c))).ToList(),
        Owner = Person(finding.Owner),
        FirstSeen = Texts.Date(finding.FirstSeen),
        LastSeen = Texts.Date(finding.LastSeen),
        ResolvedAt = finding.ResolvedAt is { } resolved ? Texts.Date(resolved) : null,
        ReopenedAt = finding.ReopenedAt is { } reopened ? Texts.Date(reopened) : null,
        AgeDays = finding.AgeDays,
        Due = Texts.Date(finding.DueDate),
        Ticket = Redactor.Redact(finding.Ticket),
        Decision = Decision(finding.Record),
        Milestones = finding.Record?.Remediation?.Milestones
            .Select(m => new MilestoneModel(Redactor.Redact(m.Description)!, Texts.Date(m.Due), m.Done is { } done ? Texts.Date(done) : null))
            .ToList() ?? [],
    };

    public static FindingsSummaryModel Summary(IReadOnlyList<Finding> findings)
    {
        var counts = FindingCounts.Of(findings);
        return new FindingsSummaryModel
        {
            Total = counts.Total,
            Open = counts.Open,
            Overdue = counts[FindingState.Overdue],
            Reopened = counts[FindingState.Reopened],
            Accepted = counts[FindingState.Accepted],
            AcceptanceExpired = counts[FindingState.AcceptanceExpired],
            FalsePositive = counts[FindingState.FalsePositive],
            Resolved = counts[FindingState.Resolved],
            OpenRootCauses = counts.OpenRootCauses,
        };
    }

    private string Person(string id) =>
        workspace.FindPerson(id)?.Name
        ?? (ControlResolver.OwnersOf(workspace, id) is { Count: > 0 } people ? $"{string.Join(", ", people.Select(p => p.Name))} ({id})" : id);

    /// <summary>The team's decision as a sentence without its full stop, which the template adds (a rationale's own is left out).</summary>
    private string? Decision(FindingRecord? record) => record switch
    {
        { Remediation: { } plan } =>
            $"Remediation plan{(plan.Owner is { } o ? $" owned by {Person(o.Value)}" : string.Empty)}, target {(plan.TargetDate is { } t ? Texts.Date(t) : "not set")}",
        { Acceptance: { } a } => Redactor.Redact($"Risk accepted by {Person(a.ApprovedBy.Value)} on {Texts.Date(a.ApprovedOn)} until {Texts.Date(a.Expires)}: {WithoutStop(a.Rationale)}"),
        { FalsePositive: { } p } => Redactor.Redact($"False positive per {Person(p.By.Value)}: {WithoutStop(p.Reason)}"),
        _ => null,
    };

    private static string WithoutStop(string text) => text.TrimEnd().TrimEnd('.');
}
