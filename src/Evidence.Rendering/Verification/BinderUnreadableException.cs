namespace Evidence.Rendering.Verification;

/// <summary>A binder PDF that cannot be read at all: damaged, truncated, not a PDF, or encrypted without the right password.</summary>
public sealed class BinderUnreadableException : Exception
{
    public BinderUnreadableException()
    {
    }

    public BinderUnreadableException(string message)
        : base(message)
    {
    }

    public BinderUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static BinderUnreadableException Damaged(string path, Exception cause) =>
        new($"{path}: cannot read the PDF: it is damaged, truncated or not a PDF, or it is encrypted and needs its password ({FirstLine(cause.Message)})", cause);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
