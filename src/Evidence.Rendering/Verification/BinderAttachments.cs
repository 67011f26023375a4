using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Rendering.Verification;

/// <summary>What a verifier reads from a binder PDF: its embedded files, the hashes its document information records, and its pages' content digest.</summary>
internal sealed record BinderAttachments(
    IReadOnlyList<(string Name, byte[] Bytes)> Files, string? IndexSha256, string? ManifestSha256, string ContentSha256)
{
    /// <exception cref="BinderUnreadableException">The file is not a PDF that can be read: damaged, truncated, or encrypted without the right password.</exception>
    public static BinderAttachments Read(string path, string? password)
    {
        try
        {
            using var document = password is null
                ? PdfReader.Open(path, PdfDocumentOpenMode.Import)
                : PdfReader.Open(path, password, PdfDocumentOpenMode.Import);
            var names = document.Internals.Catalog.Elements.GetDictionary("/Names");
            var tree = names?.Elements.GetDictionary("/EmbeddedFiles");
            var files = new List<(string, byte[])>();
            Collect(tree, files, depth: 0);
            return new BinderAttachments(
                files,
                Text(document.Info.Elements[BinderIndex.PropertyKey]),
                Text(document.Info.Elements[BinderIndex.ManifestsKey]),
                PageContentDigest.Of(document));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not BinderUnreadableException)
        {
            // Whatever a damaged file makes the PDF reader throw, it is the file that is wrong, not Evidence.
            throw BinderUnreadableException.Damaged(path, e);
        }
    }

    private static string? Text(PdfItem? item) => item switch
    {
        PdfString text => text.Value,
        PdfReference reference => Text(reference.Value),
        _ => null,
    };

    private static void Collect(PdfDictionary? node, List<(string, byte[])> result, int depth)
    {
        if (node is null || depth > 32)
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
                Collect(Resolve(kid), result, depth + 1);
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
