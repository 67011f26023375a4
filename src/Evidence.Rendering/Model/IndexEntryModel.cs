namespace Evidence.Rendering.Model;

/// <summary>A line of the binder's evidence index: a file, its SHA-256 and its attachment name.</summary>
public sealed record IndexEntryModel
{
    /// <summary><c>manifest</c>, <c>raw</c>, <c>results</c> or <c>document</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The run the file belongs to; null for manual documents.</summary>
    public string? Run { get; init; }

    /// <summary>The evidence item the file belongs to; null for manifests and documents.</summary>
    public string? Item { get; init; }

    public required FileModel File { get; init; }
}
