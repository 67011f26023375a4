using DocumentFormat.OpenXml;
using Evidence.Rendering.Documents;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;
using Op = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;

namespace Evidence.Rendering.Docx;

/// <summary>The extended (<c>app.xml</c>) and custom (<c>custom.xml</c>) document properties.</summary>
internal static class DocxProperties
{
    // The format id every custom property carries; Word writes this same constant.
    private const string CustomPropertyFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    /// <summary>Names the producing application, so nothing else (a machine name, an SDK version) slips in.</summary>
    public static Ap.Properties Extended(DocumentInfo info)
    {
        var root = new Ap.Properties(
            new Ap.Application("Evidence"),
            new Ap.DocumentSecurity("0"),
            new Ap.Company(XmlText.Clean(info.Author)));
        root.AddNamespaceDeclaration("vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
        return root;
    }

    /// <summary>
    /// One text property per entry, in order (evidence run id, manifest SHA-256). Word refuses a
    /// document with two properties of the same name, so a repeated name gets a numbered suffix.
    /// </summary>
    public static Op.Properties Custom(DocumentInfo info)
    {
        var root = new Op.Properties();
        root.AddNamespaceDeclaration("vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pid = 2; // 0 and 1 are reserved by the property-set format
        foreach (var (key, value) in info.CustomProperties)
        {
            var name = XmlText.Clean(key);
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{XmlText.Clean(key)} ({n})";
            }

            root.Append(new Op.CustomDocumentProperty(new Vt.VTLPWSTR(XmlText.Clean(value)))
            {
                FormatId = CustomPropertyFormatId,
                PropertyId = pid++,
                Name = name,
            });
        }

        return root;
    }
}
