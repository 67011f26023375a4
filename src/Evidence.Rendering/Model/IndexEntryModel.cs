namespace Evidence.Rendering.Model;

/// <summary>A line of the binder's evidence index: a file, its SHA-256 and its attachment name.</summary>
public sealed record IndexEntryModel
{
    /// <summary><c>manifest</c>, <c>raw</c>, <c>results</c>, <c>document</c> or <c>attestation</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The run the file belongs to; null for manual documents and attestations.</summary>
    public string? Run { get; init; }

    /// <summary>The evidence item the file belongs to; null for manifests, documents and attestations.</summary>
    public string? Item { get; init; }

    public required FileModel File { get; init; }
}
