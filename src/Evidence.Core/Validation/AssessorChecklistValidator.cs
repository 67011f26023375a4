using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;

namespace Evidence.Core.Validation;

/// <summary>
/// Every answer an assessor checklist names is evidence that can exist for its control: one of the
/// control's expected documents, a query the catalog runs for it, its primary cloud evidence (only when
/// it has some), its specifications (only for a standard that has them), its attestation or decision.
/// A checklist that points elsewhere would let the binder claim an answer the control never collects.
/// </summary>
internal sealed class AssessorChecklistValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var catalog = loaded.Catalog;
        foreach (var control in catalog.Controls)
        {
            var artifacts = control.ExpectedArtifacts.Select(a => a.Id).ToList();
            var queries = catalog.DefaultQueries(control);
            var keys = queries.Select(q => q.Key).ToList();
            var hasPrimaryCloud = queries.Any(q => q.IsCloud && (q.Role ?? control.CloudEvidenceRole) == EvidenceRole.Primary);
            foreach (var reference in control.AssessorChecklist.SelectMany(c => c.AnsweredBy))
            {
                var value = reference.Value;
                var problem = value switch
                {
                    AssessorCheck.Cloud when !hasPrimaryCloud =>
                        $"{control.Id} has no cloud rule or policy that can prove it (all are supporting or none is mapped), so 'cloud' cannot answer its checklist; name a document instead",
                    AssessorCheck.Specifications when catalog.ChildrenOf(control.Id).Count == 0 =>
                        $"{control.Id} has no specifications, so 'specifications' cannot answer its checklist",
                    AssessorCheck.Cloud or AssessorCheck.Specifications or AssessorCheck.Attestation or AssessorCheck.Decision => null,
                    _ when AssessorCheck.IsQueryKey(value) && !keys.Contains(value, StringComparer.Ordinal) =>
                        $"'{value}' is not a query the catalog runs for {control.Id}{Suggestions.DidYouMean(value, keys)}",
                    _ when !AssessorCheck.IsQueryKey(value) && !artifacts.Contains(value, StringComparer.Ordinal) =>
                        $"'{value}' is not an expected artifact of {control.Id}{Suggestions.DidYouMean(value, [.. artifacts, .. AssessorCheck.Words])}; answered_by takes its expected artifact ids, its query keys, or {string.Join(", ", AssessorCheck.Words)}",
                    _ => null,
                };
                if (problem is not null)
                {
                    yield return Problems.CatalogError(reference.Location, problem);
                }
            }
        }
    }
}
