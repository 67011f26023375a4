using Evidence.Rendering.Model;

namespace Evidence.Web.Html;

/// <summary>
/// The one place the web pages mask PHI and secrets in text read from evidence or written by people: every
/// raw response and free-text comment passes here before it is shown, so a change of scanner is one line.
/// </summary>
internal static class Masking
{
    public static string Mask(string? text) => Redactor.Redact(text) ?? string.Empty;
}
