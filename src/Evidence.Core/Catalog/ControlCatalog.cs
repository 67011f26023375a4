using Evidence.Core.Queries;

namespace Evidence.Core.Catalog;

/// <summary>The HIPAA Security Rule as Evidence knows it: controls, owner roles and cloud mappings.</summary>
public sealed class ControlCatalog
{
    private readonly Dictionary<string, CatalogControl> _byId;
    private readonly ILookup<string, CatalogControl> _children;
    private readonly ILookup<string, CloudMapping> _mappingsByCitation;

    public ControlCatalog(
        IReadOnlyList<CatalogControl> controls,
        IReadOnlyList<OwnerRole> roles,
        IReadOnlyList<CloudMapping> mappings)
    {
        Controls = controls;
        Roles = roles;
        Mappings = mappings;
        _byId = controls.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _children = controls.Where(c => c.Parent is not null).ToLookup(c => c.Parent!, StringComparer.Ordinal);
        _mappingsByCitation = mappings
            .SelectMany(m => m.Citations.Select(c => (Citation: c.Citation.Value, Mapping: m)))
            .ToLookup(x => x.Citation, x => x.Mapping, StringComparer.Ordinal);
    }

    /// <summary>Every control in citation order.</summary>
    public IReadOnlyList<CatalogControl> Controls { get; }

    public IReadOnlyList<OwnerRole> Roles { get; }

    /// <summary>Every cloud's rule and policy mappings, in the order of the mapping files.</summary>
    public IReadOnlyList<CloudMapping> Mappings { get; }

    public IEnumerable<string> Ids => _byId.Keys;

    /// <summary>What the cloud provider covers and what the customer does, per citation; empty when the catalog has no matrix.</summary>
    public SharedResponsibility Responsibility { get; init; } = SharedResponsibility.None;

    /// <summary>The mappings of one cloud's rules or policies.</summary>
    public IReadOnlyList<CloudMapping> MappingsOf(Clouds.CloudDefinition cloud) => [.. Mappings.Where(m => m.Query.Kind.Cloud == cloud)];

    public CatalogControl? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<CatalogControl> ChildrenOf(string id) => _children[id].ToList();

    /// <summary>A spec, or a standard without specs: the controls that are judged on their own.</summary>
    public bool IsLeaf(CatalogControl control) => !_children[control.Id].Any();

    /// <summary>Cloud rules and policies mapped to a citation.</summary>
    public IEnumerable<CloudMapping> MappingsFor(string id) => _mappingsByCitation[id];

    /// <summary>
    /// The catalog's default queries of a control: its mappings, then its own list, each with the role
    /// it has for this control (the mapping's role for the citation, else the control's default).
    /// </summary>
    public IReadOnlyList<EvidenceQuery> DefaultQueries(CatalogControl control) =>
        MappingsFor(control.Id)
            .Select(m => m.For(control.Id) is { Role: { } role } cited ? m.Query with { Role = role, RoleNote = cited.Note } : m.Query)
            .Concat(control.Evidence)
            .ToList();
}
