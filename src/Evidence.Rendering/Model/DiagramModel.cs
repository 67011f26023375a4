namespace Evidence.Rendering.Model;

/// <summary>
/// A diagram the plan shows (<c>plan.diagrams</c>): a template writes it as <c>![alt](&lt;file&gt;)</c>
/// followed by <c>Figure: title</c>, and the writers embed the file.
/// </summary>
public sealed record DiagramModel
{
    /// <summary>The image, relative to the workspace.</summary>
    public required string File { get; init; }

    public required string Title { get; init; }

    /// <summary>The alternative text for readers who cannot see the diagram.</summary>
    public required string Alt { get; init; }

    /// <summary>More words after the title; null when none.</summary>
    public string? Caption { get; init; }
}
