using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;

namespace Evidence.Core.Validation;

/// <summary>Ids that must be unique are: people, accounts, subscriptions, overlays, attestations, query ids.</summary>
internal sealed class DuplicateIdValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var found = new List<Diagnostic>();
        found.AddRange(Problems.Duplicates(workspace.People, p => p.Id, p => p.Location, (p, first) => $"person id '{p.Id}' is used twice (first at {first})"));
        found.AddRange(Clouds.CloudRegistry.All.SelectMany(c => c.CheckBoundary(workspace.Boundary)));
        found.AddRange(Problems.Duplicates(loaded.Overlays, o => o.Control.Value, o => o.Control.Location, (o, first) => $"control {o.Control.Value} already has an overlay at {first}; keep one overlay per control"));
        // A superseded record stays on file beside its correction; only records in force must be one per control and period.
        var superseded = loaded.Attestations.Where(a => a.Supersedes is not null).Select(a => a.Supersedes!.Value.Value).ToHashSet(StringComparer.Ordinal);
        found.AddRange(Problems.Duplicates(loaded.Attestations.Where(a => !superseded.Contains(a.RecordPath)), a => $"{a.Control.Value} {a.Period}", a => a.Control.Location, (a, first) => $"{a.Control.Value} is already attested for {a.Period} at {first}; keep one attestation per control and period, or make this one a correction with 'supersedes:' naming the earlier record (evidence attest writes it)"));
        var advanced = loaded.Catalog.Controls.SelectMany(c => c.Evidence).Concat(loaded.Overlays.SelectMany(o => o.Evidence))
            .Where(q => q is IRowQuery).DistinctBy(q => (q.Key, q.Location));
        found.AddRange(Problems.Duplicates(advanced, q => q.Key, q => q.Location, (q, first) => $"advanced query id '{((IRowQuery)q).Id}' is already used for a different query at {first}"));
        foreach (var run in loaded.Runs)
        {
            found.AddRange(Problems.Duplicates(run.Items, i => i.Id, i => i.Location, (i, first) => $"item id '{i.Id}' appears twice in the manifest (first at {first})", Problems.EvidenceError));
        }

        return found;
    }
}
