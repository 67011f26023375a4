using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// An architecture or data-flow diagram of the system (<c>diagrams:</c>), which the System Security Plan
/// shows under its boundary: a PNG or JPEG in the workspace, its title, and the text that stands for it
/// for readers who cannot see it. Whether the file is there and is such an image is the diagram validator's job.
/// </summary>
public sealed record Diagram
{
    /// <summary>The image, relative to the workspace.</summary>
    public required Scalar File { get; init; }

    /// <summary>What it shows, printed as "Figure N. Title".</summary>
    public required string Title { get; init; }

    /// <summary>The alternative text: what the diagram shows, in words, for screen readers.</summary>
    public required Scalar Alt { get; init; }

    /// <summary>More words printed after the title under the figure, or null.</summary>
    public string? Caption { get; init; }

    public required SourceLocation Location { get; init; }
}
