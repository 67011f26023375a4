using Evidence.Core.Yaml;

namespace Evidence.Core.Queries;

/// <summary><c>kind: manual</c>: a document kept in the workspace's <c>artifacts/</c> folder.</summary>
internal sealed class ManualKind : QueryKind
{
    public static ManualKind Instance { get; } = new();

    public override string Name => "manual";

    internal override IReadOnlyList<string> Keys { get; } = ["artifact", "path", "title", "date"];

    internal override EvidenceQuery? Read(YamlMap map)
    {
        var artifact = map.Id("artifact");
        var path = map.String("path", required: true);
        var title = map.String("title");
        var date = map.Date("date", required: true);
        return path is null || date is null ? null : new ManualQuery(path, date.Value)
        {
            Artifact = artifact?.Value, ArtifactLocation = map.At("artifact"), Title = title, Location = map.At("path"),
        };
    }
}
