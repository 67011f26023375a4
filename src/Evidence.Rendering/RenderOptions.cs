namespace Evidence.Rendering;

/// <summary>Choices that are not part of the document itself.</summary>
public sealed record RenderOptions
{
    /// <summary>A TrueType font file to use instead of searching the system's fonts.</summary>
    public string? FontFile { get; init; }

    /// <summary>Encrypts the PDF with AES-256 when set. Never taken from the command line, only from an environment variable.</summary>
    public string? PdfPassword { get; init; }
}
