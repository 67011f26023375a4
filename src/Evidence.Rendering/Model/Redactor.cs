using Evidence.Core.Scanning;

namespace Evidence.Rendering.Model;

/// <summary>
/// Keeps secrets and personal data that cloud evidence may carry out of rendered documents. Every
/// free-text value that comes from a cloud (rule annotations, error messages) passes through here
/// before a template sees it or a table cell is written; each hit of the <see cref="Scanner"/> becomes
/// a typed marker such as <c>[REDACTED: ssn]</c>. docs/scanning.md lists what is detected.
/// </summary>
public static class Redactor
{
    /// <summary>The text with every hit of the built-in scanner replaced by its marker; null stays null.</summary>
    public static string? Redact(string? text) => Redact(text, Scanner.Default);

    /// <summary>The text with every hit of <paramref name="scanner"/> (a workspace's settings) replaced by its marker; null stays null.</summary>
    public static string? Redact(string? text, Scanner scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        return string.IsNullOrEmpty(text) ? text : scanner.Redact(text, out _);
    }
}
