using System.IO.Compression;
using Evidence.Core.Files;
using Evidence.Rendering.Documents;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Embeds every attachment as an embedded file, so the binder carries its raw evidence. Files are
/// streamed through Flate compression while their SHA-256 is checked against the one recorded;
/// only the compressed bytes are held until the PDF is saved. The name tree lists them in byte
/// order of their names, as PDF requires.
/// </summary>
internal sealed class AttachmentEmbedder(PdfDocument document, DateTime generatedAt, DocumentFingerprint fingerprint)
{
    public void Embed(IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        var specifications = new SortedDictionary<string, PdfDictionary>(StringComparer.Ordinal);
        foreach (var attachment in attachments)
        {
            if (specifications.ContainsKey(attachment.Name))
            {
                throw new ArgumentException("Two attachments are named '" + attachment.Name + "'; names must be unique.", nameof(attachments));
            }

            specifications.Add(attachment.Name, Specification(attachment, EmbeddedFile(attachment)));
        }

        var names = new PdfArray(document);
        foreach (var (name, specification) in specifications)
        {
            names.Elements.Add(new PdfString(name, PdfStringEncoding.Unicode));
            names.Elements.Add(specification.Reference!);
        }

        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = names;
        document.Internals.AddObject(tree);
        document.Internals.Catalog.Names.Elements.SetReference("/EmbeddedFiles", tree);
    }

    private PdfDictionary EmbeddedFile(Attachment attachment)
    {
        var (compressed, size, sha256) = Compress(attachment);
        if (!string.Equals(sha256, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw PdfRenderException.AttachmentChanged(attachment, sha256);
        }

        fingerprint.Add(attachment.Name);
        fingerprint.Add(sha256);

        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", checked((int)size));
        parameters.Elements.SetDateTime("/ModDate", generatedAt);

        var file = new PdfDictionary(document);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Filter", "/FlateDecode");
        file.Elements["/Params"] = parameters;
        file.CreateStream(compressed);
        document.Internals.AddObject(file);
        return file;
    }

    private PdfDictionary Specification(Attachment attachment, PdfDictionary file)
    {
        var streams = new PdfDictionary(document);
        streams.Elements.SetReference("/F", file);
        streams.Elements.SetReference("/UF", file);

        var specification = new PdfDictionary(document);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements["/F"] = new PdfString(attachment.Name, PdfStringEncoding.Unicode);
        specification.Elements["/UF"] = new PdfString(attachment.Name, PdfStringEncoding.Unicode);
        specification.Elements["/Desc"] = new PdfString(attachment.Description, PdfStringEncoding.Unicode);
        specification.Elements["/EF"] = streams;
        document.Internals.AddObject(specification);
        return specification;
    }

    private static (byte[] Compressed, long Size, string Sha256) Compress(Attachment attachment)
    {
        try
        {
            using var input = new FileStream(attachment.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var output = new MemoryStream();
            using var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true);
            using var hashing = new HashingStream(zlib);
            input.CopyTo(hashing, 1 << 16);
            var sha256 = hashing.Finish();
            zlib.Dispose();
            return (output.ToArray(), hashing.Length, sha256);
        }
        catch (IOException e)
        {
            throw PdfRenderException.AttachmentUnreadable(attachment, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw PdfRenderException.AttachmentUnreadable(attachment, e);
        }
    }
}
