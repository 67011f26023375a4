using Evidence.Core.Diagnostics;

namespace Evidence.Core.Queries;

/// <summary>A document kept in the workspace's <c>artifacts/</c> folder.</summary>
public sealed record ManualQuery(string Path, DateOnly Date) : EvidenceQuery
{
    public override QueryKind Kind => ManualKind.Instance;

    /// <summary><c>manual/&lt;path&gt;</c>, with <c>#&lt;artifact&gt;</c> when one document serves several expected artifacts.</summary>
    public override string Key => Artifact is null ? $"manual/{Path}" : $"manual/{Path}#{Artifact}";

    /// <summary>The catalog's expected artifact this document satisfies.</summary>
    public string? Artifact { get; init; }

    /// <summary>Where <c>artifact</c> is written (the query's <see cref="EvidenceQuery.Location"/> is its path).</summary>
    public SourceLocation ArtifactLocation { get; init; }

    public string? Title { get; init; }

    public override string Describe() => $"document {Path}" + (Title is null ? string.Empty : $" ({Title})");
}
