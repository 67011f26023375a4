using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Tests.Clouds;

/// <summary>
/// A third cloud, written as a cloud project would write it: its boundary part (<c>boundary.lab.sites</c>),
/// one query kind (<c>lab-inventory</c>) answered once per site, and how its sources are named.
/// </summary>
internal sealed class LabCloud : CloudDefinition
{
    public static LabCloud Instance { get; } = new();

    public override string Name => "lab";

    public override string Title => "Lab";

    public override IReadOnlyList<QueryKind> QueryKinds { get; } = [LabInventoryKind.Instance];

    public override string RowColumns => "site, resource_type, resource_id, annotation";

    public override string SourceShape => "{cloud: lab, account}";

    internal override string MappingFile => "mappings/lab.yaml";

    internal override IReadOnlyList<string> BoundaryKeys { get; } = ["sites"];

    internal override IEnumerable<CloudMapping> ReadMappings(YamlNode root, string file, DiagnosticBag diagnostics) => [];

    internal override CloudBoundary ReadBoundary(YamlMap map) => new LabBoundary([.. map.Texts("sites", required: true).Select(s => s.Value)]);

    public override CloudBoundary? Part(Boundary boundary) => boundary.Of<LabBoundary>();

    public override IReadOnlyDictionary<string, object?> TemplateModel(CloudBoundary part) =>
        new Dictionary<string, object?> { ["sites"] = ((LabBoundary)part).Sites };

    public override bool IsComplete(EvidenceSource source) => source.Account is not null;

    public override string Describe(EvidenceSource source) => $"lab site {source.Account}";

    public override string DescribeForPeople(EvidenceSource source, Boundary boundary) => $"Lab site {source.Account}";

    internal sealed record LabBoundary(IReadOnlyList<string> Sites) : CloudBoundary;
}

/// <summary><c>kind: lab-inventory</c>: a named check over every site's inventory.</summary>
internal sealed class LabInventoryKind : QueryKind
{
    public static LabInventoryKind Instance { get; } = new();

    public override string Name => "lab-inventory";

    public override CloudDefinition Cloud => LabCloud.Instance;

    internal override IReadOnlyList<string> Keys { get; } = ["check"];

    internal override EvidenceQuery? Read(YamlMap map) =>
        map.String("check", required: true) is { } check ? new LabInventoryQuery(check) { Location = map.Location } : null;

    private int _listings;

    /// <summary>How often a query's sources have been listed: what planning or judging the cloud costs at scale.</summary>
    public int Listings => Volatile.Read(ref _listings);

    internal override IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary)
    {
        Interlocked.Increment(ref _listings);
        return (boundary.Of<LabCloud.LabBoundary>()?.Sites ?? []).Select(site => new EvidenceSource("lab", Account: site));
    }
}

/// <summary>One lab inventory check.</summary>
internal sealed record LabInventoryQuery(string Check) : EvidenceQuery
{
    public override QueryKind Kind => LabInventoryKind.Instance;

    public override string Key => $"lab-inventory/{Check}";

    public override string Describe() => $"lab inventory check {Check}";
}
