using System.IO.Compression;
using Evidence.Core.Files;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Verification;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Embeds every attachment as an embedded file, so the binder carries its raw evidence, and an index of
/// them (<see cref="BinderIndex"/>) whose hash the document information records. Files are
/// streamed through Flate compression while their SHA-256 is checked against the one recorded;
/// only the compressed bytes are held until the PDF is saved. The name tree lists them in byte
/// order of their names, as PDF requires.
/// </summary>
internal sealed class AttachmentEmbedder(PdfDocument document, DateTime generatedAt, DocumentFingerprint fingerprint)
{
    private const string IndexDescription = "Index of this binder: the SHA-256 of every attachment and of the pages' content";

    /// <summary>
    /// Embeds the attachments and, after them, <see cref="BinderIndex"/> listing each with the pages'
    /// <paramref name="contentSha256"/>; returns the index's SHA-256 (null when there is nothing to attach).
    /// </summary>
    public string? Embed(IReadOnlyList<Attachment> attachments, string contentSha256)
    {
        if (attachments.Count == 0)
        {
            return null;
        }

        var specifications = new SortedDictionary<string, PdfDictionary>(StringComparer.Ordinal);
        var entries = new List<BinderIndex.Entry>();
        foreach (var attachment in attachments)
        {
            if (specifications.ContainsKey(attachment.Name) || attachment.Name == BinderIndex.Name)
            {
                throw new ArgumentException("Two attachments are named '" + attachment.Name + "'; names must be unique (and " + BinderIndex.Name + " is the binder's own).", nameof(attachments));
            }

            var (file, size) = EmbeddedFile(attachment);
            entries.Add(new BinderIndex.Entry(attachment.Name, attachment.Sha256.ToLowerInvariant(), size) { OriginalSha256 = attachment.OriginalSha256 });
            specifications.Add(attachment.Name, Specification(attachment.Name, attachment.Description, file));
        }

        var index = new BinderIndex(contentSha256, entries).ToJson();
        var (compressed, indexSize, indexSha256) = Deflate(new MemoryStream(index));
        specifications.Add(BinderIndex.Name, Specification(BinderIndex.Name, IndexDescription, Stream(BinderIndex.Name, compressed, indexSize, indexSha256)));

        var names = new PdfArray(document);
        var associated = new PdfArray(document);
        foreach (var (name, specification) in specifications)
        {
            names.Elements.Add(new PdfString(name, PdfStringEncoding.Unicode));
            names.Elements.Add(specification.Reference!);
            associated.Elements.Add(specification.Reference!);
        }

        // PDF/A-3 keeps embedded files only as files associated with the document (/AF), each saying how.
        document.Internals.Catalog.Elements["/AF"] = associated;

        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = names;
        document.Internals.AddObject(tree);
        document.Internals.Catalog.Names.Elements.SetReference("/EmbeddedFiles", tree);
        return indexSha256;
    }

    private (PdfDictionary File, long Size) EmbeddedFile(Attachment attachment)
    {
        var (compressed, size, sha256) = Compress(attachment);
        if (!string.Equals(sha256, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw PdfRenderException.AttachmentChanged(attachment, sha256);
        }

        return (Stream(attachment.Name, compressed, size, sha256), size);
    }

    private PdfDictionary Stream(string name, byte[] compressed, long size, string sha256)
    {
        fingerprint.Add(name);
        fingerprint.Add(sha256);

        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", checked((int)size));
        parameters.Elements.SetDateTime("/ModDate", generatedAt);

        var file = new PdfDictionary(document);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Subtype", MediaType(name));
        file.Elements.SetName("/Filter", "/FlateDecode");
        file.Elements["/Params"] = parameters;
        file.CreateStream(compressed);
        document.Internals.AddObject(file);
        return file;
    }

    private PdfDictionary Specification(string name, string description, PdfDictionary file)
    {
        var streams = new PdfDictionary(document);
        streams.Elements.SetReference("/F", file);
        streams.Elements.SetReference("/UF", file);

        var specification = new PdfDictionary(document);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements["/F"] = new PdfString(name, PdfStringEncoding.Unicode);
        specification.Elements["/UF"] = new PdfString(name, PdfStringEncoding.Unicode);
        specification.Elements["/Desc"] = new PdfString(description, PdfStringEncoding.Unicode);
        specification.Elements["/EF"] = streams;
        // The raw cloud responses, manifests and documents are the evidence the pages are drawn from.
        specification.Elements.SetName("/AFRelationship", name == BinderIndex.Name ? "/Supplement" : "/Source");
        document.Internals.AddObject(specification);
        return specification;
    }

    // A MIME type as a PDF name: the slash is written #2F, the escape PDF names use for delimiters.
    private static string MediaType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => "/application#2Fjson",
        ".jsonl" or ".ndjson" => "/application#2Fx-ndjson",
        ".yaml" or ".yml" => "/application#2Fyaml",
        ".md" => "/text#2Fmarkdown",
        ".txt" or ".log" => "/text#2Fplain",
        ".csv" => "/text#2Fcsv",
        ".pdf" => "/application#2Fpdf",
        _ => "/application#2Foctet-stream",
    };

    private static (byte[] Compressed, long Size, string Sha256) Compress(Attachment attachment)
    {
        try
        {
            using var input = new FileStream(attachment.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Deflate(input);
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

    private static (byte[] Compressed, long Size, string Sha256) Deflate(Stream input)
    {
        using var output = new MemoryStream();
        using var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true);
        using var hashing = new HashingStream(zlib);
        input.CopyTo(hashing, 1 << 16);
        var sha256 = hashing.Finish();
        zlib.Dispose();
        return (output.ToArray(), hashing.Length, sha256);
    }
}
