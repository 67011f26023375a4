using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Forms;

/// <summary>
/// Reads a returned request form: only its content controls, and only once the text around them is
/// shown to be what was issued (the fingerprint in the form's custom XML part, recomputed).
/// </summary>
public static class AttestationFormReader
{
    /// <exception cref="FormException">The form is not one of ours, was altered outside its fields, or is incomplete.</exception>
    public static ReturnedForm Read(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, isEditable: false);
            var main = document.MainDocumentPart ?? throw FormException.Altered("it has no document body; it is not a Word form Evidence issued");
            var manifest = Manifest(main);
            var body = main.Document?.Body ?? throw FormException.Altered("it has no document body; it is not a Word form Evidence issued");
            var expected = manifest.Attribute("contentSha256")?.Value;
            var fingerprint = FormFingerprint.Of(body);
            if (expected is null || fingerprint != expected)
            {
                throw FormException.Altered("it was changed outside its fields (text, a table or a field added, removed or edited); fill in a fresh form from 'evidence attest request'");
            }

            return Fields(manifest, body) with { Fingerprint = fingerprint };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException)
        {
            throw FormException.Altered($"it is not a Word document Evidence can read ({e.Message})");
        }
    }

    private static XElement Manifest(MainDocumentPart main)
    {
        XNamespace ns = FormFields.Namespace;
        foreach (var part in main.CustomXmlParts)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            var root = XDocument.Load(stream).Root;
            if (root?.Name == ns + "attestationForm")
            {
                return root;
            }
        }

        throw FormException.Altered("it carries no Evidence form record; it is not a form 'evidence attest request' wrote");
    }

    private static ReturnedForm Fields(XElement manifest, Body body)
    {
        XNamespace ns = FormFields.Namespace;
        var fields = body.Descendants<SdtElement>()
            .Select(s => (Tag: FormFingerprint.TagOf(s), Element: s))
            .Where(f => f.Tag is not null && f.Tag.StartsWith(FormFields.Prefix, StringComparison.Ordinal))
            .GroupBy(f => f.Tag!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Element, StringComparer.Ordinal);
        var controls = manifest.Elements(ns + "control").Select(c => c.Attribute("citation")?.Value ?? string.Empty).ToList();
        var answers = new List<ReturnedAnswer>();
        foreach (var citation in controls)
        {
            var result = Value(Field(fields, FormFields.Result(citation)));
            var comment = Value(Field(fields, FormFields.Comment(citation)));
            if (result.Length == 0)
            {
                if (comment.Length > 0)
                {
                    throw FormException.Incomplete($"{citation} has a comment but no result; choose implemented, partially implemented or not implemented");
                }

                continue;
            }

            var choice = FormFields.Results.FirstOrDefault(r => string.Equals(r.Display, result, StringComparison.OrdinalIgnoreCase) || r.Value == result);
            if (choice.Value is null)
            {
                throw FormException.Altered($"the result for {citation} reads '{result}', which is not one of the form's choices");
            }

            answers.Add(comment.Length == 0
                ? throw FormException.Incomplete($"{citation} is marked {choice.Display.ToLowerInvariant()} without a comment; say what was checked")
                : new ReturnedAnswer(citation, choice.Value, comment));
        }

        var name = Value(Field(fields, FormFields.Name));
        var dateText = Value(Field(fields, FormFields.Date));
        var signatureField = Field(fields, FormFields.Signature);
        var signature = Value(signatureField);
        var pictured = !IsPlaceholder(signatureField) && signatureField.Descendants<Drawing>().Any();
        var missing = new[] { (name, "name"), (dateText, "date"), (signature.Length > 0 || pictured ? "x" : string.Empty, "signature") }
            .Where(f => f.Item1.Length == 0).Select(f => f.Item2).ToList();
        if (missing.Count > 0)
        {
            throw FormException.Incomplete($"it is not signed: the {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} empty");
        }

        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw FormException.Incomplete($"the date '{dateText}' is not a date as YYYY-MM-DD");
        }

        if (answers.Count == 0)
        {
            throw FormException.Incomplete("no control has a result; choose one for each control you attest");
        }

        return new ReturnedForm
        {
            SystemId = manifest.Attribute("system")?.Value ?? string.Empty,
            OwnerId = manifest.Attribute("owner")?.Value ?? string.Empty,
            Period = manifest.Attribute("period")?.Value ?? string.Empty,
            IssuedAt = manifest.Attribute("issued")?.Value ?? string.Empty,
            Fingerprint = string.Empty,
            Name = name,
            Date = date,
            Signature = signature.Length > 0 ? signature : "(a picture)",
            Answers = answers,
            Controls = controls,
        };
    }

    private static SdtElement Field(Dictionary<string, SdtElement> fields, string tag) =>
        fields.GetValueOrDefault(tag) ?? throw FormException.Altered($"its field '{tag}' is missing");

    /// <summary>What a field holds, trimmed; empty while it still shows its prompt.</summary>
    private static string Value(SdtElement field)
    {
        if (IsPlaceholder(field))
        {
            return string.Empty;
        }

        var content = field.Elements().FirstOrDefault(e => e is SdtContentRun or SdtContentBlock or SdtContentCell or SdtContentRunRuby);
        if (content is null)
        {
            return string.Empty;
        }

        var paragraphs = content.Descendants<Paragraph>().ToList();
        var text = paragraphs.Count == 0 ? Text(content) : string.Join("\n", paragraphs.Select(Text));
        return text.Trim();
    }

    private static string Text(OpenXmlElement element) =>
        string.Concat(element.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break or CarriageReturn => "\n",
            TabChar => "\t",
            _ => string.Empty,
        }));

    private static bool IsPlaceholder(SdtElement field) =>
        field.SdtProperties?.GetFirstChild<ShowingPlaceholder>() is { } shown && (shown.Val is null || shown.Val.Value);
}
