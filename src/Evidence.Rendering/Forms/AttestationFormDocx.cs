using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lock = DocumentFormat.OpenXml.Wordprocessing.Lock;

namespace Evidence.Rendering.Forms;

/// <summary>
/// Writes a request form as Word: read-only text around content controls (a dropdown for each result,
/// plain text for comments, name and date, and a signature box), restricted to filling in forms, with a
/// custom XML part that records whom and what it was issued for and the fingerprint of its fixed text.
/// </summary>
public static class AttestationFormDocx
{
    /// <summary>
    /// Writes the form; the same form gives the same bytes (fixed relationship ids, entry times from the issue
    /// instant). Returns the fingerprint of its text outside the fields, for <see cref="FormLedger"/>.
    /// </summary>
    public static string Write(AttestationForm form, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(output);
        using var memory = new MemoryStream();
        string fingerprint;
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);
            Compose(form, body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            var settings = main.AddNewPart<DocumentSettingsPart>("rId2");
            settings.Settings = new Settings(new DocumentProtection { Edit = DocumentProtectionValues.Forms, Enforcement = true });
            fingerprint = FormFingerprint.Of(body);
            AddManifest(main, form, fingerprint);
        }

        FixEntryTimes(memory, DateTimeOffset.Parse(form.IssuedAt, CultureInfo.InvariantCulture));
        memory.Position = 0;
        memory.CopyTo(output);
        return fingerprint;
    }

    /// <summary>Zip entries carry the time they were written; the issue instant makes the file reproducible.</summary>
    private static void FixEntryTimes(MemoryStream package, DateTimeOffset issued)
    {
        // Zip times have no zone and no earlier year than 1980; the instant is stored as its UTC wall time.
        var stamp = new DateTimeOffset(issued.UtcDateTime.Ticks, TimeSpan.Zero);
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            entry.LastWriteTime = stamp;
        }
    }

    private static void Compose(AttestationForm form, Body body)
    {
        body.Append(Para("Title", $"Attestation request: {form.Period}"));
        body.Append(Para(null, $"{form.SystemName} ({form.Organization}). For {form.OwnerName} ({form.OwnerId}). Issued {form.IssuedAt}; due by {form.DueBy}."));
        body.Append(Para(null, "For each control below, choose a result and say in the comment what you checked this period. Then type your name, the date (YYYY-MM-DD) and your signature at the end, save the document and send it back. Change nothing outside the grey fields: a form edited elsewhere is refused on import."));
        foreach (var control in form.Controls)
        {
            body.Append(Para("Heading1", $"{control.Citation} {control.Title}"));
            body.Append(Labelled("What it asks: ", control.Asks));
            body.Append(Labelled("Status now: ", control.Status));
            foreach (var line in control.Evidence)
            {
                body.Append(Para("ListParagraph", "• " + line));
            }

            if (control.Findings.Count > 0)
            {
                body.Append(Labelled("Open findings: ", control.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                foreach (var line in control.Findings)
                {
                    body.Append(Para("ListParagraph", "• " + line));
                }
            }

            body.Append(Labelled("Last attested: ", control.LastAttested ?? "never"));
            body.Append(new Paragraph(Bold("Result: "), Dropdown(FormFields.Result(control.Citation), "Result for " + control.Citation)));
            body.Append(new Paragraph(Bold("Comment: "), PlainText(FormFields.Comment(control.Citation), "Comment for " + control.Citation, "What you checked this period.", multiLine: true)));
        }

        // The sign-off stays on one page: a signature apart from the statement it signs is worth little.
        body.Append(Para("Heading1", "Sign-off"));
        body.Append(KeptWithNext(Para(null, $"I attest that the results above are true for {form.Period} to the best of my knowledge.")));
        body.Append(KeptWithNext(new Paragraph(Bold("Name: "), PlainText(FormFields.Name, "Name", "Your full name.", multiLine: false))));
        body.Append(KeptWithNext(new Paragraph(Bold("Date: "), PlainText(FormFields.Date, "Date", "YYYY-MM-DD", multiLine: false))));
        body.Append(KeptWithNext(Para(null, "Signature:")));
        body.Append(SignatureBox());
    }

    private static Paragraph KeptWithNext(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.KeepNext = new KeepNext();
        return paragraph;
    }

    /// <summary>A dropdown that shows the result's words; the importer maps them back to values.</summary>
    private static SdtRun Dropdown(string tag, string alias)
    {
        var list = new SdtContentDropDownList();
        foreach (var (display, value) in FormFields.Results)
        {
            list.Append(new ListItem { DisplayText = display, Value = value });
        }

        return new SdtRun(
            new SdtProperties(new SdtAlias { Val = alias }, new Tag { Val = tag }, new Lock { Val = LockingValues.SdtLocked }, new ShowingPlaceholder(), list),
            new SdtContentRun(Placeholder("Choose a result.")));
    }

    private static SdtRun PlainText(string tag, string alias, string prompt, bool multiLine) =>
        new(
            new SdtProperties(new SdtAlias { Val = alias }, new Tag { Val = tag }, new Lock { Val = LockingValues.SdtLocked }, new ShowingPlaceholder(), new SdtContentText { MultiLine = multiLine }),
            new SdtContentRun(Placeholder(prompt)));

    /// <summary>A rich-text box: a typed name or a pasted picture of a signature both count.</summary>
    private static SdtBlock SignatureBox() =>
        new(
            new SdtProperties(new SdtAlias { Val = "Signature" }, new Tag { Val = FormFields.Signature }, new Lock { Val = LockingValues.SdtLocked }, new ShowingPlaceholder()),
            new SdtContentBlock(new Paragraph(Placeholder("Type your signature or insert a picture of it."))));

    private static Run Placeholder(string text) =>
        new(new RunProperties(new Color { Val = "808080" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Bold(string text) =>
        new(new RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Paragraph Labelled(string label, string text) =>
        new(Bold(label), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Para(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>("rId3");
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "21" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            Style("Normal", "Normal", null),
            Style("Title", "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "36" })),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "26" }), keepNext: true),
            Style("ListParagraph", "List Paragraph", null, indent: true));
    }

    private static Style Style(string id, string name, StyleRunProperties? run, bool keepNext = false, bool indent = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = "240" });
        }

        if (indent)
        {
            paragraph.Append(new Indentation { Left = "360" });
        }

        style.Append(paragraph);
        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static void AddManifest(MainDocumentPart main, AttestationForm form, string fingerprint)
    {
        XNamespace ns = FormFields.Namespace;
        var xml = new XElement(ns + "attestationForm",
            new XAttribute("system", form.SystemId),
            new XAttribute("owner", form.OwnerId),
            new XAttribute("period", form.Period),
            new XAttribute("issued", form.IssuedAt),
            new XAttribute("contentSha256", fingerprint),
            form.Controls.Select(c => new XElement(ns + "control", new XAttribute("citation", c.Citation))));
        var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml, "rId4");
        using var stream = part.GetStream(FileMode.Create);
        new XDocument(xml).Save(stream);
    }
}
