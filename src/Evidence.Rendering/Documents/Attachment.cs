namespace Evidence.Rendering.Documents;

/// <summary>A file embedded in the document, such as a raw API response page of the evidence.</summary>
/// <param name="Name">The attachment's name inside the document (unique), such as <c>20261120T060000Z/raw/aws-0001-1.json</c>.</param>
/// <param name="Path">Where to read the bytes from at write time.</param>
/// <param name="Sha256">The file's SHA-256 as recorded in the evidence index.</param>
/// <param name="Description">One line shown by PDF readers.</param>
public sealed record Attachment(string Name, string Path, string Sha256, string Description)
{
    /// <summary>For a redacted copy of an evidence file: the SHA-256 of the original, as its manifest records it; null otherwise.</summary>
    public string? OriginalSha256 { get; init; }
}
