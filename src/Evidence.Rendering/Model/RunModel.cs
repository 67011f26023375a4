namespace Evidence.Rendering.Model;

/// <summary>An evidence run the documents use.</summary>
public sealed record RunModel
{
    public required string Id { get; init; }

    public required string StartedAt { get; init; }

    public string? CompletedAt { get; init; }

    /// <summary><c>complete</c> or <c>incomplete</c>.</summary>
    public required string State { get; init; }

    public string? Tool { get; init; }

    public int Items { get; init; }

    /// <summary>The run's manifest, with the SHA-256 computed at build.</summary>
    public required FileModel Manifest { get; init; }
}
