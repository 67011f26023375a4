using Evidence.Rendering.Documents;
using Evidence.Rendering.Fonts;
using Evidence.Rendering.Pdf.Finishing;
using Evidence.Rendering.Pdf.Layout;
using Evidence.Rendering.Pdf.Tagging;
using Evidence.Rendering.Pdf.Text;
using Evidence.Rendering.Verification;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Evidence.Rendering.Pdf;

/// <summary>
/// Writes a <see cref="Document"/> as PDF with PDFsharp and a layout engine of its own: US Letter,
/// running header and footer, a TOC with page numbers and links, bookmarks, embedded attachments,
/// optional AES-256 encryption. Without a password the same document and options give the same
/// bytes; with one, the encryption key and salts are random, as PDF encryption requires.
/// </summary>
public sealed class PdfDocumentWriter : IDocumentWriter
{
    private readonly FontLocator fontLocator;

    // Finding fonts scans the system's font folders: done once per font setting, not once per document.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LocatedFonts> located = new(StringComparer.Ordinal);
    private readonly Lazy<FallbackFaces> fallbacks;

    /// <summary>A writer that finds fonts in the system's usual font folders.</summary>
    public PdfDocumentWriter()
        : this(new FontLocator())
    {
    }

    /// <summary>A writer that finds fonts with <paramref name="fontLocator"/>.</summary>
    public PdfDocumentWriter(FontLocator fontLocator)
    {
        ArgumentNullException.ThrowIfNull(fontLocator);
        this.fontLocator = fontLocator;
        fallbacks = new Lazy<FallbackFaces>(fontLocator.LocateFallbacks);
    }

    public string Extension => "pdf";

    public bool EmbedsAttachments => true;

    /// <inheritdoc />
    /// <exception cref="FontNotFoundException">No usable font was found, or the font setting names a file that is missing or not TrueType.</exception>
    /// <exception cref="PdfRenderException">An attachment cannot be read, or no longer has its recorded SHA-256.</exception>
    public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);

        var timer = new PhaseTimer("pdf");
        var located = Located(options);
        using var fonts = new PdfFonts(located, fallbacks.Value);
        using var pdf = new PdfDocument();
        pdf.Options.Layout = PdfWriterLayout.Compact;
        pdf.Options.CompressContentStreams = true;
        using var fingerprint = new DocumentFingerprint();
        AddIdentity(fingerprint, document.Info, located);

        var geometry = PageGeometry.Letter;
        var map = new DocumentMap();
        var counter = new ProgressCounter(progress);
        // Running headers, page references and the like drawn after layout open no element: they stay artifacts.
        var tags = new StructureTagger();
        var painter = new TextPainter(fonts, new Palette(), map, tags);
        var pageCount = Layout(document, (pdf, fingerprint), geometry, counter, painter, map, tags);
        timer.Lap("layout");
        // A report between the finishing steps, as during layout: a build asked to stop stops here, not after the save.
        counter.Report();
        options.Paginated?.Invoke(Pages(map, pageCount));

        var asOf = document.Info.GeneratedAt.UtcDateTime;
        PageReferenceWriter.Write(pdf, painter, map);
        var fallback = new FallbackTextWriter(fonts, map, tags);
        new PageDecorator(pdf, painter, geometry, fingerprint, fallback, tags.Content).Decorate(document.Info, map);
        timer.Lap("decorate");
        counter.Report();
        ToUnicodeWriter.Write(pdf, fallback.Drawn);
        var links = new LinkWriter(pdf, geometry, asOf);
        links.Write(map);
        timer.Lap("links");
        counter.Report();
        var structure = new StructureTreeWriter(pdf, tags);
        structure.Prepare(links.Written);
        timer.Lap("structure");
        counter.Report();
        OutlineWriter.Write(pdf, map, geometry);
        var index = document.Attachments.Count == 0 ? null : new AttachmentEmbedder(pdf, asOf, fingerprint).Embed(document.Attachments, PageContentDigest.Of(pdf));
        DocumentProperties.Apply(pdf, document.Info, index);
        FontSubsetTags.MakeDeterministic(pdf);
        var digest = fingerprint.Digest();
        DocumentProperties.SetIdentity(pdf, digest);
        var archival = string.IsNullOrEmpty(options.PdfPassword);
        if (archival)
        {
            OutputIntent.Apply(pdf);
        }
        else
        {
            // PDF/A forbids encryption: an encrypted binder is tagged but claims no PDF/A conformance.
            Encrypt(pdf, options.PdfPassword!);
        }

        timer.Lap("finish");
        counter.Report();
        if (fonts.Fallback.Missing.Count > 0)
        {
            options.Warning?.Invoke("no installed font has " + fonts.Fallback.Missing.Describe() + "; drawn as empty boxes");
        }

        var identifying = archival ? new XmpPdfAStream(output) : null;
        using (var target = new XmpIdRewritingStream(identifying ?? output, DocumentProperties.Uuid(digest)))
        {
            var revision = new RevisionStream(target);
            pdf.Save(revision, closeStream: false);
            timer.Lap("save");
            structure.Append(revision);
        }

        identifying?.Dispose();
        output.Flush();
        timer.Lap("structure tree");
    }

    /// <summary>
    /// Lays the document out as <see cref="Write"/> would and tells where each heading lands, measuring only: the
    /// same decisions on the same text, no page drawn or kept (at 200,000 rows, 1.4 s against the 8.5 s of the layout part of writing).
    /// </summary>
    /// <exception cref="FontNotFoundException">No usable font was found, or the font setting names a file that is missing or not TrueType.</exception>
    public DocumentPages Paginate(Document document, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        using var fonts = new PdfFonts(Located(options), fallbacks.Value);
        var map = new DocumentMap();
        var tags = new StructureTagger(keepsNodes: false);
        var painter = new TextPainter(fonts, new Palette(), map, tags);
        var pages = Layout(document, target: null, PageGeometry.Letter, new ProgressCounter(null), painter, map, tags);
        return Pages(map, pages);
    }

    /// <summary>The fonts of <paramref name="options"/>' font setting, found on first use.</summary>
    private LocatedFonts Located(RenderOptions options) =>
        located.GetOrAdd(options.FontFile ?? string.Empty, file => fontLocator.Locate(file.Length == 0 ? null : file));

    private static DocumentPages Pages(DocumentMap map, int pageCount) =>
        new(map.Headings.Select(h => KeyValuePair.Create(h.Anchor, h.PageIndex + 1)), pageCount);

    /// <summary>Lays the blocks out on pages of <paramref name="target"/>'s document (null: measures only); returns how many pages it took.</summary>
    private static int Layout(
        Document document,
        (PdfDocument Document, DocumentFingerprint Fingerprint)? target,
        PageGeometry geometry,
        ProgressCounter counter,
        TextPainter painter,
        DocumentMap map,
        StructureTagger tags)
    {
        using var flow = new PageFlow(target, geometry, counter, tags);
        var context = new LayoutContext(flow, painter, map, counter, HeadingIndex.Collect(document.Blocks));
        var blocks = new BlockRenderer(context);
        foreach (var block in document.Blocks)
        {
            blocks.Render(block);
        }

        flow.Finish();
        return flow.PageIndex + 1;
    }

    private static void AddIdentity(DocumentFingerprint fingerprint, DocumentInfo info, LocatedFonts fonts)
    {
        fingerprint.Add(info.Title);
        fingerprint.Add(info.SystemName);
        fingerprint.Add(info.Author);
        fingerprint.Add(info.Subject);
        fingerprint.Add(string.Join('\n', info.Keywords));
        fingerprint.Add(info.GeneratedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        fingerprint.Add(info.Marking);
        foreach (var (key, value) in info.CustomProperties)
        {
            fingerprint.Add(key);
            fingerprint.Add(value);
        }

        fingerprint.Add(fonts.ToString());
    }

    // AES-256 (security handler revision 6). The password opens the document and also owns it:
    // there is no second secret to keep, and whoever may read the binder may print and copy it.
    private static void Encrypt(PdfDocument pdf, string password)
    {
        pdf.SecurityHandler.SetEncryptionToV5();
        pdf.SecuritySettings.UserPassword = password;
        pdf.SecuritySettings.OwnerPassword = password;
    }
}
