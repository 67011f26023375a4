namespace Evidence.Core.Diagnostics;

/// <summary>A place in an input file: the file as the user named it, and a 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for a whole file, when no line is known.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
