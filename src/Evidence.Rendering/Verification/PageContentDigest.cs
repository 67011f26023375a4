using System.Security.Cryptography;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Evidence.Rendering.Verification;

/// <summary>
/// A SHA-256 over what every page shows: each page's content streams, as stored (compressed), in page
/// order. The writer records it in the binder index; the verifier computes it again from the file, so a
/// changed byte in any page's content is found.
/// </summary>
internal static class PageContentDigest
{
    public static string Of(PdfDocument pdf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            foreach (var stream in Streams(pdf.Pages[i].Elements["/Contents"]))
            {
                hash.AppendData(BitConverter.GetBytes((long)stream.Length));
                hash.AppendData(stream);
            }

            // A page boundary, so moving content from one page to the next is a change too.
            hash.AppendData([0xFF, 0xFE]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<byte[]> Streams(PdfItem? contents) => contents switch
    {
        PdfReference reference => Streams(reference.Value),
        PdfArray array => array.Elements.SelectMany(Streams),
        PdfDictionary { Stream: { } stream } => [stream.Value],
        _ => [],
    };
}
