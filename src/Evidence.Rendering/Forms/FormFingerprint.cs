using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Forms;

/// <summary>
/// The SHA-256 of everything in a form's body outside its fields: the text in reading order, with each
/// field's tag where the field stands. Word may re-split runs or add bookmarks when it saves; the text and
/// the fields' places survive that, so a form filled in honestly keeps its fingerprint and an edit outside
/// the fields (or a field removed or added) changes it.
/// </summary>
public static class FormFingerprint
{
    public static string Of(Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder();
        Append(body, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The tag of a content control, or null.</summary>
    public static string? TagOf(SdtElement element) =>
        element.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    private static void Append(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case SdtElement sdt when TagOf(sdt) is { } tag && tag.StartsWith(FormFields.Prefix, StringComparison.Ordinal):
                text.Append('[').Append(tag).Append(']');
                return;
            case Text t:
                text.Append(t.Text);
                return;
            case TabChar:
                text.Append('\t');
                return;
            case Break or CarriageReturn:
                text.Append('\n');
                return;
        }

        foreach (var child in element.ChildElements)
        {
            Append(child, text);
        }

        if (element is Paragraph or TableCell)
        {
            text.Append('\n');
        }
    }
}
