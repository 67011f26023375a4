using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// A SHA-256 over everything that makes the document what it is: the info, every page's content
/// and every attachment. It seeds the trailer /ID and the XMP ids, which must be the same for the
/// same document and differ for different ones, without a clock or a random number.
/// </summary>
internal sealed class DocumentFingerprint : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    /// <summary>Compresses the content streams drawn on <paramref name="page"/> since the last call, and adds the newest.</summary>
    public void Seal(PdfPage page)
    {
        PdfSharp.Pdf.Advanced.PdfContent? last = null;
        foreach (var content in page.Contents)
        {
            content.Compressed = true;
            last = content;
        }

        if (last?.Stream?.Value is { } bytes)
        {
            hash.AppendData(bytes);
        }
    }

    /// <summary>The digest so far; further additions keep counting.</summary>
    public byte[] Digest() => hash.GetCurrentHash();

    public void Dispose() => hash.Dispose();
}
