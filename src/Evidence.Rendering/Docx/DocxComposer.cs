using DocumentFormat.OpenXml;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes the package part by part, in a fixed order: content types, package relationships,
/// document properties, the streamed body and its relationships, the pictures, then the parts the body's
/// writing has filled in (numbering) and the fixed ones (styles, settings, fonts, header, footer).
/// </summary>
internal static class DocxComposer
{
    public static void Write(Document document, Stream output, PdfFonts? fonts, DocumentPages? pages, IProgress<RenderProgress>? progress)
    {
        var info = document.Info;
        var figures = new DocxFigures(document.Blocks);
        var hasCustomProperties = info.CustomProperties.Count > 0;
        List<OpcPart> parts =
        [
            DocxParts.Document, DocxParts.Styles, DocxParts.Numbering, DocxParts.Settings, DocxParts.FontTable,
            DocxParts.Header, DocxParts.Footer, DocxParts.CoreProperties, DocxParts.AppProperties, .. figures.Parts,
        ];
        List<OpcRelationship> packageRelationships =
        [
            new("rIdDocument", DocxParts.OfficeDocumentType, DocxParts.Document.EntryName),
            new("rIdCore", DocxParts.CorePropertiesType, DocxParts.CoreProperties.EntryName),
            new("rIdApp", DocxParts.AppPropertiesType, DocxParts.AppProperties.EntryName),
        ];
        if (hasCustomProperties)
        {
            parts.Add(DocxParts.CustomProperties);
            packageRelationships.Add(new("rIdCustom", DocxParts.CustomPropertiesType, DocxParts.CustomProperties.EntryName));
        }

        using var package = new OpcPackageWriter(output, info.GeneratedAt);
        package.WriteContentTypes(parts);
        package.WritePackageRelationships(packageRelationships);
        using (var stream = package.OpenPart(DocxParts.CoreProperties))
        {
            CorePropertiesXml.Write(stream, info);
        }

        Save(package, DocxParts.AppProperties, DocxProperties.Extended(info));
        if (hasCustomProperties)
        {
            Save(package, DocxParts.CustomProperties, DocxProperties.Custom(info));
        }

        var hyperlinks = new DocxHyperlinks();
        var numbering = new DocxNumbering();
        using (var stream = package.OpenPart(DocxParts.Document))
        using (var xml = new DocxPartWriter(stream))
        {
            var context = new DocxBodyContext(xml, DocxOutline.Scan(document.Blocks), hyperlinks, numbering, new DocxColumnSizer(fonts), figures, pages, progress);
            new DocxBodyWriter(context).Write(document.Blocks);
        }

        package.WritePartRelationships(DocxParts.Document, [.. DocxParts.DocumentRelationships, .. hyperlinks.Relationships, .. figures.Relationships]);
        figures.WriteParts(package);
        Save(package, DocxParts.Styles, DocxStyles.Build());
        Save(package, DocxParts.Numbering, numbering.Build());
        Save(package, DocxParts.Settings, DocxSettings.Build());
        Save(package, DocxParts.FontTable, DocxFontTable.Build());
        Save(package, DocxParts.Header, DocxRunningHeads.Header(info));
        Save(package, DocxParts.Footer, DocxRunningHeads.Footer(info));
    }

    private static void Save(OpcPackageWriter package, OpcPart part, OpenXmlElement root)
    {
        using var stream = package.OpenPart(part);
        PartXml.Save(stream, root);
    }
}
