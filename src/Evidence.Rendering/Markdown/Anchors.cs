using System.Text;

namespace Evidence.Rendering.Markdown;

/// <summary>
/// Heading anchors: lower-case ASCII letters, digits and single hyphens, so that they read well in a URL
/// and survive every writer. <c>164.312(a)(2)(iv) Encryption and decryption</c> becomes
/// <c>164-312-a-2-iv-encryption-and-decryption</c>.
/// </summary>
public static class Anchors
{
    /// <summary>The slug of a text; "section" when nothing is left of it.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        return result.Length == 0 ? "section" : result;
    }

    /// <summary>The anchor of a control's heading: <c>control-164-312-a-2-iv</c>.</summary>
    public static string Control(string citation) => "control-" + Slug(citation);

    /// <summary>The anchor of a part of a control's section (its documents, cloud evidence, attestation): <c>control-164-312-b-documents</c>.</summary>
    public static string ControlPart(string citation, string part) => $"{Control(citation)}-{part}";

    /// <summary>The anchor of a family's heading: <c>family-technical</c>.</summary>
    public static string Family(string family) => "family-" + Slug(family);

    /// <summary>The anchor of the heading above an item's failing-resources table.</summary>
    public static string Rows(string runId, string itemId) => $"rows-{Slug(runId)}-{Slug(itemId)}";

    /// <summary>Whether a text is already an anchor (what an explicit <c>{#anchor}</c> must look like).</summary>
    public static bool IsValid(string anchor) =>
        anchor.Length > 0 && anchor.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.') &&
        anchor[0] != '-' && anchor[^1] != '-';
}
