using System.Text;
using Evidence.Rendering.Documents;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>The document information dictionary and the trailer /ID, set from the document alone.</summary>
internal static class DocumentProperties
{
    public const string Creator = "Evidence";

    /// <param name="pdf">The document.</param>
    /// <param name="info">What to say about it.</param>
    /// <param name="indexSha256">The SHA-256 of the attached binder index, recorded where a verifier looks for it; null when there is none.</param>
    public static void Apply(PdfDocument pdf, DocumentInfo info, string? indexSha256 = null)
    {
        var properties = pdf.Info;
        properties.Title = info.Title;
        properties.Author = info.Author;
        properties.Subject = info.Subject;
        properties.Keywords = string.Join(", ", info.Keywords);
        properties.Creator = Creator;

        // UTC, so the dates read the same whatever time zone the machine is in.
        var asOf = info.GeneratedAt.UtcDateTime;
        properties.CreationDate = asOf;
        properties.ModificationDate = asOf;

        foreach (var (key, value) in info.CustomProperties)
        {
            var name = PropertyName(key);
            if (name.Length > 1)
            {
                properties.Elements[name] = new PdfString(value, PdfStringEncoding.Unicode);
            }
        }

        if (indexSha256 is not null)
        {
            properties.Elements[Verification.BinderIndex.PropertyKey] = new PdfString(indexSha256);
        }

        pdf.Language = "en-US";
        pdf.ViewerPreferences.DisplayDocTitle = true;
    }

    /// <summary>Sets both trailer ids to the first 16 bytes of <paramref name="digest"/> (PDFsharp would use a fresh GUID).</summary>
    public static void SetIdentity(PdfDocument pdf, byte[] digest)
    {
        var id = Encoding.Latin1.GetString(digest, 0, 16);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;
    }

    /// <summary>The same 16 bytes as a UUID, for the XMP metadata.</summary>
    public static string Uuid(byte[] digest) => new Guid(digest.AsSpan(0, 16), bigEndian: true).ToString("D");

    // A PDF name from a free-text key: letters and digits only ("Evidence run" → /Evidencerun is ugly; /EvidenceRun reads well).
    private static string PropertyName(string key)
    {
        var name = new StringBuilder("/");
        var upper = true;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.ToString();
    }
}
