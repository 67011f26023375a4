namespace Evidence.Rendering.Markdown;

/// <summary>Markdown the document model cannot take: an unknown block, a bad cover or rows block, a link to no heading.</summary>
public sealed class MarkdownException : Exception
{
    public MarkdownException(int line, string problem)
        : base($"line {line}: {problem}")
    {
        Line = line;
        Problem = problem;
    }

    public MarkdownException()
        : this(0, "invalid Markdown")
    {
    }

    public MarkdownException(string message)
        : this(0, message)
    {
    }

    public MarkdownException(string message, Exception innerException)
        : base(message, innerException) => Problem = message;

    /// <summary>The 1-based line of the Markdown.</summary>
    public int Line { get; }

    public string Problem { get; }
}
