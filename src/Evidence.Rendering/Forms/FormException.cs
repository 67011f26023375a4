namespace Evidence.Rendering.Forms;

/// <summary>A returned request form that cannot be imported, and why.</summary>
public sealed class FormException : Exception
{
    public FormException()
    {
    }

    public FormException(string message)
        : base(message)
    {
    }

    public FormException(string message, Exception inner)
        : base(message, inner)
    {
    }

    private FormException(FormProblem problem, string message)
        : base(message) => Problem = problem;

    public FormProblem Problem { get; }

    public static FormException Altered(string message) => new(FormProblem.Altered, message);

    public static FormException Incomplete(string message) => new(FormProblem.Incomplete, message);
}
