using Evidence.Core.Diagnostics;

namespace Evidence.Core.Catalog;

/// <summary>
/// The catalog's <c>shared-responsibility.yaml</c>: for each citation, what the cloud provider covers
/// and what the customer does, who made that call (<see cref="Provenance"/>) and on which sources.
/// </summary>
public sealed record SharedResponsibility
{
    /// <summary>A catalog without the file: no matrix.</summary>
    public static SharedResponsibility None { get; } = new() { Provenance = string.Empty, Location = default };

    /// <summary>Who decided the split and against what, in words.</summary>
    public required string Provenance { get; init; }

    public IReadOnlyList<ResponsibilitySource> Sources { get; init; } = [];

    /// <summary>In the order of the file.</summary>
    public IReadOnlyList<Responsibility> Entries { get; init; } = [];

    public required SourceLocation Location { get; init; }

    public bool IsEmpty => Entries.Count == 0;

    public Responsibility? For(string citation) => Entries.FirstOrDefault(e => e.Citation.Value == citation);
}
