using Evidence.Core.Attestations;
using Evidence.Core.Changes;
using Evidence.Core.Loading;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>Builds the binder's "Changes since the last period" from the same comparison <c>evidence diff</c> makes.</summary>
internal static class ChangesModelBuilder
{
    public static ChangesModel? Build(LoadedWorkspace loaded, Workspace workspace, DateTimeOffset asOf, FindingModelBuilder findings)
    {
        var cadence = (workspace.Settings.Attestations ?? AttestationSettings.Default).Cadence;
        var previous = AttestationPeriod.Containing(cadence, asOf).Previous();
        var from = new DiffPoint($"period {previous}", previous.End.AddSeconds(-1));
        if (!loaded.Runs.Any(r => r.StartedAt <= from.AsOf))
        {
            return null;
        }

        var titles = loaded.Catalog.Controls.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        ControlRefModel Ref(string id) => new(id, titles.GetValueOrDefault(id) ?? id, Anchors.Control(id));
        EvidenceChangeModel Evidence(EvidenceChange change) => new(Redactor.Redact(change.Message)!, change.Controls.Select(Ref).ToList());

        var changes = ChangeDetector.Compare(loaded, from, new DiffPoint("as of", asOf));
        return new ChangesModel
        {
            Period = previous.ToString(),
            FromText = Texts.Instant(from.AsOf),
            Opened = changes.Opened.Select(findings.Build).ToList(),
            Resolved = changes.Resolved.Select(findings.Build).ToList(),
            Reopened = changes.Reopened.Select(findings.Build).ToList(),
            StatusChanges = changes.StatusChanges
                .Select(c => new StatusChangeModel(Ref(c.Id), Texts.Sentence(c.Before.Status), Texts.Sentence(c.After.Status), c.Why.Select(w => Redactor.Redact(w)!).ToList()))
                .ToList(),
            WentStale = changes.WentStale.Select(Evidence).ToList(),
            Attestations = changes.Attestations.Select(a => new AttestationChangeModel(Texts.Sentence(a.Kind), Ref(a.Control), Redactor.Redact(a.Message)!)).ToList(),
            NotCollected = changes.NewlyNotCollected.Select(Evidence).ToList(),
            IsEmpty = changes.IsEmpty,
        };
    }
}
