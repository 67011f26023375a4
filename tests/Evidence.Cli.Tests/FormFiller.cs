using DocumentFormat.OpenXml.Packaging;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Wordprocessing;
using Evidence.Rendering.Forms;

namespace Evidence.Cli.Tests;

/// <summary>
/// Fills a request form's content controls the way Word does when someone types into them or picks from
/// a dropdown: the prompt goes, the typed text takes its place, and the showing-placeholder flag is cleared.
/// </summary>
internal static class FormFiller
{
    public static void Fill(string path, IReadOnlyDictionary<string, string> values)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: true);
        var body = document.MainDocumentPart!.Document!.Body!;
        foreach (var field in body.Descendants<SdtElement>().ToList())
        {
            var tag = field.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
            if (tag is null || !values.TryGetValue(tag, out var value))
            {
                continue;
            }

            field.SdtProperties!.GetFirstChild<ShowingPlaceholder>()?.Remove();
            switch (field)
            {
                case SdtRun run:
                    var content = run.SdtContentRun!;
                    content.RemoveAllChildren();
                    content.Append(new Run(new Text(value)));
                    break;
                case SdtBlock block:
                    var blockContent = block.SdtContentBlock!;
                    blockContent.RemoveAllChildren();
                    blockContent.Append(new Paragraph(new Run(new Text(value))));
                    break;
            }
        }

        document.Save();
    }

    /// <summary>Changes the first paragraph outside the fields that contains <paramref name="text"/>, as an edit in Word would.</summary>
    public static void Edit(string path, string text, string replacement)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: true);
        var node = document.MainDocumentPart!.Document!.Body!.Descendants<Text>().First(t => t.Text.Contains(text, StringComparison.Ordinal));
        node.Text = node.Text.Replace(text, replacement, StringComparison.Ordinal);
        document.Save();
    }

    /// <summary>Edits the text outside the fields and recomputes the fingerprint the form carries, as a forger would.</summary>
    public static void Forge(string path, string text, string replacement)
    {
        Edit(path, text, replacement);
        using var document = WordprocessingDocument.Open(path, isEditable: true);
        var main = document.MainDocumentPart!;
        var fingerprint = FormFingerprint.Of(main.Document!.Body!);
        foreach (var part in main.CustomXmlParts)
        {
            XDocument xml;
            using (var read = part.GetStream(FileMode.Open, FileAccess.Read))
            {
                xml = XDocument.Load(read);
            }

            if (xml.Root?.Attribute("contentSha256") is { } attribute)
            {
                attribute.Value = fingerprint;
                using var write = part.GetStream(FileMode.Create, FileAccess.Write);
                xml.Save(write);
            }
        }

        document.Save();
    }
}
