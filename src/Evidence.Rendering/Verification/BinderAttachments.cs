using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Rendering.Verification;

/// <summary>Reads the embedded files of a PDF: their names and decoded bytes.</summary>
internal static class BinderAttachments
{
    public static IReadOnlyList<(string Name, byte[] Bytes)> Read(string path, string? password)
    {
        using var document = password is null
            ? PdfReader.Open(path, PdfDocumentOpenMode.Import)
            : PdfReader.Open(path, password, PdfDocumentOpenMode.Import);
        var names = document.Internals.Catalog.Elements.GetDictionary("/Names");
        var tree = names?.Elements.GetDictionary("/EmbeddedFiles");
        var result = new List<(string, byte[])>();
        Collect(tree, result);
        return result;
    }

    private static void Collect(PdfDictionary? node, List<(string, byte[])> result)
    {
        if (node is null)
        {
            return;
        }

        if (node.Elements.GetArray("/Names") is { } pairs)
        {
            for (var i = 0; i + 1 < pairs.Elements.Count; i += 2)
            {
                var name = pairs.Elements.GetString(i);
                var specification = Resolve(pairs.Elements[i + 1]);
                var file = specification?.Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F");
                if (file?.Stream is { } stream)
                {
                    result.Add((name, stream.UnfilteredValue));
                }
            }
        }

        if (node.Elements.GetArray("/Kids") is { } kids)
        {
            foreach (var kid in kids.Elements)
            {
                Collect(Resolve(kid), result);
            }
        }
    }

    private static PdfDictionary? Resolve(PdfItem item) => item switch
    {
        PdfReference reference => reference.Value as PdfDictionary,
        PdfDictionary dictionary => dictionary,
        _ => null,
    };
}
