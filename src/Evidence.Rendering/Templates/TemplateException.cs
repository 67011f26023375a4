namespace Evidence.Rendering.Templates;

/// <summary>
/// A template could not be rendered: a syntax error, an unknown variable, an include outside the
/// template folders, a limit reached, or Markdown the document model cannot take. The message reads
/// <c>file:line:col: what went wrong</c>.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string file, int line, int column, string problem)
        : base(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public TemplateException()
        : this("template", 0, 0, "template error")
    {
    }

    public TemplateException(string message)
        : this("template", 0, 0, message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "template";
        Problem = message;
    }

    /// <summary>The template file as the user knows it (an override's path, or <c>templates/...</c>).</summary>
    public string File { get; }

    /// <summary>1-based; 0 when the problem has no line.</summary>
    public int Line { get; }

    /// <summary>1-based; 0 when the problem has no column.</summary>
    public int Column { get; }

    /// <summary>What went wrong, without the place.</summary>
    public string Problem { get; }
}
