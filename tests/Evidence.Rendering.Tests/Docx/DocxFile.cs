using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Evidence.Rendering.Docx;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>Writes a document to DOCX bytes and opens them again with the Open XML SDK's reader.</summary>
internal static class DocxFile
{
    public static byte[] Write(Document document, IProgress<RenderProgress>? progress = null) => Write(document, new RenderOptions(), progress);

    public static byte[] Write(Document document, RenderOptions options, IProgress<RenderProgress>? progress = null)
    {
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(document, output, options, progress);
        return output.ToArray();
    }

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    /// <summary>What the validator finds wrong, one line each; empty when the package is valid.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] bytes)
    {
        using var document = Open(bytes);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }
}
