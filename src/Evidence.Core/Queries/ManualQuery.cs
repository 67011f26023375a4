using Evidence.Core.Diagnostics;

namespace Evidence.Core.Queries;

/// <summary>A document kept in the workspace's <c>artifacts/</c> folder.</summary>
public sealed record ManualQuery(string Path, DateOnly Date) : EvidenceQuery
{
    public override QueryKind Kind => QueryKind.Manual;

    public override string Key => $"manual/{Path}";

    /// <summary>The catalog's expected artifact this document satisfies.</summary>
    public string? Artifact { get; init; }

    /// <summary>Where <c>artifact</c> is written (the query's <see cref="EvidenceQuery.Location"/> is its path).</summary>
    public SourceLocation ArtifactLocation { get; init; }

    public string? Title { get; init; }

    public override string Describe() => $"document {Path}" + (Title is null ? string.Empty : $" ({Title})");
}
