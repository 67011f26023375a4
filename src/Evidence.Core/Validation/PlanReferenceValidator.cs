using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Validation;

/// <summary>
/// The plan's people are people in evidence.yaml, and the agreements it names are documents under
/// artifacts/: the system owner, the approver, each revision's author, each interconnection's and
/// business associate's owner, each interconnection agreement and each BAA document.
/// </summary>
internal sealed class PlanReferenceValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var people = workspace.People.Select(p => p.Id).ToList();
        var named = new List<(Scalar Id, string What)>();
        var documents = new List<(Scalar Path, string What)>();
        if (workspace.Plan is { } plan)
        {
            Add(named, plan.SystemOwner, "plan.system_owner");
            Add(named, plan.ApprovedBy, "plan.approved_by");
            named.AddRange(plan.Revisions.Select(r => (r.Author, $"the author of plan revision {r.Version}")));
            foreach (var problem in Problems.Duplicates(
                plan.Revisions, r => r.Version, r => r.Location, (r, first) => $"plan revision {r.Version} is listed twice (first at line {first.Line}); give each revision its own version"))
            {
                yield return problem;
            }
        }

        foreach (var link in workspace.Interconnections)
        {
            Add(named, link.Owner, $"the owner of interconnection '{link.Name}'");
            Add(documents, link.Agreement, $"the agreement of interconnection '{link.Name}'");
        }

        foreach (var associate in workspace.BusinessAssociates)
        {
            Add(named, associate.Owner, $"the owner of business associate '{associate.Name}'");
            Add(documents, associate.BaaDocument, $"the BAA of business associate '{associate.Name}'");
        }

        foreach (var (id, what) in named.Where(n => !people.Contains(n.Id.Value)))
        {
            yield return Problems.Error(id.Location, $"{what}: unknown person '{id.Value}'{Suggestions.DidYouMean(id.Value, people)}; add them under 'people'");
        }

        foreach (var (path, what) in documents)
        {
            if (ManualArtifactValidator.Check(loaded.Root, path.Value) is { } problem)
            {
                yield return Problems.Error(path.Location, $"{what}: {problem}");
            }
        }
    }

    private static void Add(List<(Scalar, string)> list, Scalar? value, string what)
    {
        if (value is { } v)
        {
            list.Add((v, what));
        }
    }
}
