using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Clouds;

/// <summary>
/// A cloud Evidence collects from: its name in runs and finding keys, its query kinds, whether the
/// boundary includes it, and how its sources and resources are named. Every cloud is listed once,
/// in <see cref="CloudRegistry.All"/>; nothing else in Core names a cloud.
/// </summary>
public abstract class CloudDefinition
{
    /// <summary>The cloud's name in item ids, run manifests and finding keys, such as <c>aws</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How people name it, such as <c>AWS</c>.</summary>
    public abstract string Title { get; }

    /// <summary>The cloud service whose compliance summary a <see cref="EvidenceMethod.Summary"/> item repeats, such as <c>AWS Config</c>.</summary>
    public virtual string ComplianceService => Title;

    /// <summary>The kinds of query this cloud answers.</summary>
    public abstract IReadOnlyList<QueryKind> QueryKinds { get; }

    /// <summary>The columns of a failing-row table for this cloud's evidence, as the documents list them.</summary>
    public abstract string RowColumns { get; }

    /// <summary>What a run manifest's source must say for this cloud, for the error when it does not.</summary>
    public abstract string SourceShape { get; }

    /// <summary>The catalog's file of this cloud's rule or policy mappings, relative to the catalog folder.</summary>
    internal abstract string MappingFile { get; }

    /// <summary>Reads the catalog's mapping file (<see cref="MappingFile"/>): each rule or policy with the citations it is evidence for.</summary>
    internal abstract IEnumerable<CloudMapping> ReadMappings(YamlNode root, string file, DiagnosticBag diagnostics);

    /// <summary>The keys of this cloud's part of the boundary (<c>boundary.&lt;name&gt;</c> in <c>evidence.yaml</c>).</summary>
    internal abstract IReadOnlyList<string> BoundaryKeys { get; }

    /// <summary>Reads this cloud's part of the boundary; errors go to the map's diagnostics.</summary>
    internal abstract CloudBoundary ReadBoundary(YamlMap map);

    /// <summary>Problems with this cloud's part of a boundary that reading one entry cannot see (an account listed twice).</summary>
    internal virtual IEnumerable<Diagnostic> CheckBoundary(Boundary boundary) => [];

    /// <summary>This cloud's part of <paramref name="boundary"/>, or null when the cloud is not in scope.</summary>
    public abstract CloudBoundary? Part(Boundary boundary);

    /// <summary>True when the workspace's boundary includes this cloud, so its queries apply.</summary>
    public bool InBoundary(Boundary boundary) => Part(boundary) is not null;

    /// <summary>
    /// This cloud's part of the boundary as templates see it (<c>boundary.&lt;name&gt;</c>): text, lists
    /// and maps with snake_case keys, documented in docs/templates.md.
    /// </summary>
    public abstract IReadOnlyDictionary<string, object?> TemplateModel(CloudBoundary part);

    /// <summary>True when a source read from a run manifest names everything this cloud's sources need.</summary>
    public abstract bool IsComplete(EvidenceSource source);

    /// <summary>A short name for a source, such as <c>aws 210987654321/us-east-1</c>.</summary>
    public abstract string Describe(EvidenceSource source);

    /// <summary>A source as people name it, with the boundary's names for its account or subscription.</summary>
    public abstract string DescribeForPeople(EvidenceSource source, Boundary boundary);

    /// <summary>A source's account or subscription in a word or two, for a narrow column: the boundary's name for it, else its id.</summary>
    public virtual string ShortName(EvidenceSource source, Boundary boundary) => DescribeForPeople(source, boundary);

    /// <summary>A resource id as finding keys compare it (some clouds answer in varying case).</summary>
    public virtual string ResourceKey(string resourceId) => resourceId;

    /// <summary>The short name of a resource for tables.</summary>
    public virtual string ResourceName(string resourceId) => resourceId;

    /// <inheritdoc />
    public override string ToString() => Name;
}
