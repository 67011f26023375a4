using Evidence.Core.Catalog;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>
/// Answers a control's assessor checklist from what the control's model already holds: its documents,
/// its attestation, its decision and its specifications; and from its cloud results as counted per query. An item counts as answered
/// only by evidence the catalog names for it and that is on file; a document named but missing, or a
/// query never collected, is listed and answers nothing.
/// </summary>
internal static class ChecklistBuilder
{
    public static IReadOnlyList<CheckModel> Build(CatalogControl catalog, ControlModel control, QueryTallies cloud) =>
        catalog.AssessorChecklist.Select(check => Check(check, control, cloud)).ToList();

    private static CheckModel Check(AssessorCheck check, ControlModel control, QueryTallies cloud)
    {
        var answers = check.AnsweredBy.Select(r => Answer(r.Value, control, cloud)).ToList();
        var state = answers.All(a => a.State == "not-answered") ? "not-answered"
            : answers.Any(a => a.State == "gap") ? "gap"
            : "answered";
        return new CheckModel
        {
            Ask = check.Ask,
            State = state,
            StateText = state switch
            {
                "answered" => "Answered",
                "gap" => "Answered, with a gap",
                _ => "Not answered",
            },
            Answers = answers,
        };
    }

    private static AnswerModel Answer(string reference, ControlModel control, QueryTallies cloud) => reference switch
    {
        AssessorCheck.Cloud => Cloud(control, cloud.Primary(), "the cloud checks that prove this control"),
        AssessorCheck.Attestation => Attestation(control),
        AssessorCheck.Decision => control.Decision is { } d
            ? new AnswerModel($"the documented decision{(d.DecidedBy is null ? string.Empty : $" of {d.DecidedBy}")}{(d.DecidedOn is null ? string.Empty : $" ({d.DecidedOn})")}", control.Anchor, "answered")
            : new AnswerModel("a documented decision: none on file", null, "not-answered"),
        AssessorCheck.Specifications => Specifications(control),
        _ when AssessorCheck.IsQueryKey(reference) => Query(control, cloud, reference),
        _ => Document(control, reference),
    };

    private static AnswerModel Document(ControlModel control, string artifact)
    {
        var document = control.Documents.FirstOrDefault(d => d.Artifact == artifact);
        return document?.State switch
        {
            "current" => new AnswerModel($"{document.Title} (current{Dated(document)})", Anchors.ControlPart(control.Id, "documents"), "answered"),
            "stale" => new AnswerModel($"{document.Title} (stale since {document.StaleSince?[..10]})", Anchors.ControlPart(control.Id, "documents"), "gap"),
            _ => new AnswerModel($"{document?.Title ?? artifact}: not on file", null, "not-answered"),
        };
    }

    private static string Dated(DocumentModel document) => document.Date is null ? string.Empty : $", dated {document.Date}";

    private static AnswerModel Query(ControlModel control, QueryTallies cloud, string key)
    {
        var (text, states) = cloud.Of(key);
        return Cloud(control, states, text ?? key);
    }

    private static AnswerModel Cloud(ControlModel control, IReadOnlyList<ResultTally> results, string what)
    {
        // Only an answer from the cloud says something; a query never answered, or answered with no resources, proves nothing.
        var judged = results.Sum(r => r.Passing + r.NonCompliant + r.Stale);
        if (judged == 0)
        {
            return new AnswerModel($"{what}: no result on file", null, "not-answered");
        }

        var total = results.Sum(r => r.Sources - r.NoResources);
        var passing = results.Sum(r => r.Passing);
        return new AnswerModel(
            $"{what}: {passing} of {total} results pass",
            Anchors.ControlPart(control.Id, "cloud"),
            passing < total ? "gap" : "answered");
    }

    private static AnswerModel Attestation(ControlModel control) => control.Attestation.State switch
    {
        "current" => new AnswerModel(
            $"the owner's attestation for {control.Attestation.Period}: {control.Attestation.Result?.ToLowerInvariant()}",
            Anchors.ControlPart(control.Id, "attestation"),
            control.Attestation.Result == "Implemented" ? "answered" : "gap"),
        _ => new AnswerModel($"the owner's attestation: {control.Attestation.StateText.ToLowerInvariant()}", null, "not-answered"),
    };

    private static AnswerModel Specifications(ControlModel control)
    {
        var specifications = control.Specifications;
        var met = specifications.Count(s => s.Status is "satisfied" or "not-applicable");
        return new AnswerModel(
            $"its specifications: {met} of {specifications.Count} satisfied or not applicable",
            specifications.Count > 0 ? specifications[0].Anchor : null,
            met == specifications.Count ? "answered" : "gap");
    }
}
