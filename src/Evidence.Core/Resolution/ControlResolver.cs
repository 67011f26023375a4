using Evidence.Core.Catalog;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Resolution;

/// <summary>Applies a workspace's overlays and boundary to the catalog.</summary>
public static class ControlResolver
{
    /// <summary>Every catalog control, in citation order, as the workspace sees it.</summary>
    public static IReadOnlyList<ResolvedControl> Resolve(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Resolve needs a workspace whose evidence.yaml loaded.");
        var overlays = loaded.Overlays
            .GroupBy(o => o.Control.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return loaded.Catalog.Controls.Select(c => Resolve(loaded.Catalog, workspace, c, overlays)).ToList();
    }

    private static ResolvedControl Resolve(
        ControlCatalog catalog, Workspace workspace, CatalogControl control, Dictionary<string, ControlOverlay> overlays)
    {
        var overlay = overlays.GetValueOrDefault(control.Id);
        var ownerRef = overlay?.Owner?.Value ?? control.OwnerRole;
        var status = overlay?.Status;
        if (status is null && control.Parent is not null &&
            overlays.GetValueOrDefault(control.Parent)?.Status == ImplementationStatus.NotApplicable)
        {
            status = ImplementationStatus.NotApplicable;
        }

        var excluded = overlay?.Exclusions.Select(e => e.Query.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        var replace = overlay?.ReplaceDefaultEvidence ?? false;
        var defaults = replace ? [] : catalog.DefaultQueries(control).Where(q => Applies(q, workspace) && !excluded.Contains(q.Key));
        var own = (overlay?.Evidence ?? []).Where(q => !q.MultiTenantOnly || workspace.System.MultiTenant).DistinctBy(q => q.Key).ToList();

        // An overlay that lists a catalog query again restates it for this workspace (its role, severity,
        // expect_resources or maximum age): the overlay's entry takes the catalog's place.
        var restated = own.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var queries = defaults.Select(d => restated.GetValueOrDefault(d.Key) ?? d)
            .Concat(own)
            .DistinctBy(q => q.Key)
            .Select(q => WithRole(q, control))
            .ToList();
        var artifacts = replace ? [] : control.ExpectedArtifacts.Where(a => !excluded.Contains(ArtifactKey(a.Id))).ToList();
        var isLeaf = catalog.IsLeaf(control);
        return new ResolvedControl
        {
            Control = control,
            Overlay = overlay,
            OwnerRef = ownerRef,
            Owners = OwnersOf(workspace, ownerRef),
            Status = status,
            Queries = queries,
            ExpectedArtifacts = artifacts,
            MaxAge = overlay?.MaxAge ?? workspace.Settings.MaxAge ?? control.MaxAge,
            IsLeaf = isLeaf,
            RequiresAttestation = status != ImplementationStatus.NotApplicable &&
                ((isLeaf && workspace.Settings.Attestations is not null) || queries.Any(q => q is AttestationQuery)),
        };
    }

    /// <summary>A query whose file does not give its role takes the control's: cloud evidence the specification's default, anything else primary.</summary>
    private static EvidenceQuery WithRole(EvidenceQuery query, CatalogControl control) => query.Role switch
    {
        not null => query,
        _ when query.IsCloud => query with { Role = control.CloudEvidenceRole, RoleNote = query.RoleNote ?? control.CloudEvidenceNote },
        _ => query with { Role = EvidenceRole.Primary },
    };

    /// <summary>The exclusion key that drops a catalog-expected document.</summary>
    public static string ArtifactKey(string artifactId) => $"artifact/{artifactId}";

    /// <summary>The people behind a person id or a role id.</summary>
    public static IReadOnlyList<Person> OwnersOf(Workspace workspace, string ownerRef)
    {
        if (workspace.FindPerson(ownerRef) is { } person)
        {
            return [person];
        }

        return workspace.FindRole(ownerRef)?.People.Select(p => workspace.FindPerson(p.Value)).OfType<Person>().ToList() ?? [];
    }

    private static bool Applies(EvidenceQuery query, Workspace workspace)
    {
        if (query.MultiTenantOnly && !workspace.System.MultiTenant)
        {
            return false;
        }

        return query.Kind.Cloud?.InBoundary(workspace.Boundary) ?? true;
    }
}
