namespace Evidence.Rendering.Model;

/// <summary>A manual evidence document, with the SHA-256 computed at build.</summary>
public sealed record ArtifactModel
{
    public required string Title { get; init; }

    public required string Date { get; init; }

    public required FileModel File { get; init; }

    /// <summary>The controls that use it.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];
}
