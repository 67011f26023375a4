using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Queries;

/// <summary>
/// A kind of evidence query: its name in YAML (<c>kind: aws-config</c>), the keys it takes, how it is
/// read, and, for cloud kinds, which sources must answer it. Kinds are listed by <see cref="QueryKinds"/>:
/// the documents' own kinds and each cloud's.
/// </summary>
public abstract class QueryKind
{
    /// <summary>Keys every query takes.</summary>
    internal static readonly string[] CommonKeys = ["kind", "max_age", "when", "role", "note"];

    /// <summary>The name written as <c>kind:</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The cloud that answers queries of this kind; null for documents and attestations.</summary>
    public virtual CloudDefinition? Cloud => null;

    /// <summary>The keys this kind takes beyond <see cref="CommonKeys"/>.</summary>
    internal abstract IReadOnlyList<string> Keys { get; }

    /// <summary>Reads one query of this kind; errors go to the map's diagnostics and give null.</summary>
    internal abstract EvidenceQuery? Read(YamlMap map);

    /// <summary>The sources that must answer <paramref name="query"/>; none for documents and attestations.</summary>
    internal virtual IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary) => [];

    /// <summary>Problems with where a workspace query looks (an account or subscription outside the boundary).</summary>
    internal virtual IEnumerable<Diagnostic> CheckScope(EvidenceQuery query, Boundary boundary) => [];

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>An advanced query that cannot fail proves nothing, so what its rows mean must be said.</summary>
    private protected static RowAssertion? ReadFailWhen(YamlMap map)
    {
        if (map.Node("fail_when") is null)
        {
            map.Diagnostics.Error(map.Location, "an advanced query needs 'fail_when': 'any-row' when its rows are violations, or 'no-rows' when its rows prove that something required exists");
            return null;
        }

        return map.Enum<RowAssertion>("fail_when");
    }
}
