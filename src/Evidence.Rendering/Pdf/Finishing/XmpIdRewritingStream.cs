namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Passes the saved PDF through, replacing the two random UUIDs PDFsharp writes into the XMP
/// metadata (<c>xmpMM:DocumentID</c> and <c>xmpMM:InstanceID</c>) with one derived from the
/// document. PDFsharp creates that metadata while saving, with no way to set the ids, and stores
/// it uncompressed; the replacement has the same length, so no offset in the file moves.
/// Only what follows one of the two element names and has the shape of a UUID is replaced.
/// </summary>
internal sealed class XmpIdRewritingStream(Stream inner, string uuid) : PassThroughStream(inner)
{
    private const int UuidLength = 36;

    private static readonly byte[][] Markers = ["<xmpMM:DocumentID>uuid:"u8.ToArray(), "<xmpMM:InstanceID>uuid:"u8.ToArray()];

    private readonly byte[] replacement = System.Text.Encoding.ASCII.GetBytes(uuid);
    private readonly int[] matched = new int[Markers.Length];
    private readonly byte[] held = new byte[UuidLength];
    private int holding = -1;

    protected override void Pass(ReadOnlySpan<byte> buffer)
    {
        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (holding < 0 && matched[0] == 0 && matched[1] == 0)
            {
                // Nothing under way: skip to the next '<'.
                var next = buffer[i..].IndexOf((byte)'<');
                if (next < 0)
                {
                    break;
                }

                i += next;
            }

            var b = buffer[i];
            if (holding >= 0)
            {
                held[holding++] = b;
                if (holding == UuidLength)
                {
                    Inner.Write(LooksLikeUuid(held) ? replacement : held);
                    holding = -1;
                }

                start = i + 1;
                continue;
            }

            if (Advance(b))
            {
                Inner.Write(buffer[start..(i + 1)]);
                start = i + 1;
                holding = 0;
            }
        }

        Inner.Write(buffer[start..]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && holding > 0)
        {
            Inner.Write(held.AsSpan(0, holding));
            holding = -1;
        }

        base.Dispose(disposing);
    }

    // Each marker starts with '<' and has no other '<', so a mismatch restarts at 0 or 1.
    private bool Advance(byte b)
    {
        var complete = false;
        for (var m = 0; m < Markers.Length; m++)
        {
            var marker = Markers[m];
            matched[m] = marker[matched[m]] == b ? matched[m] + 1 : b == marker[0] ? 1 : 0;
            if (matched[m] == marker.Length)
            {
                matched[m] = 0;
                complete = true;
            }
        }

        return complete;
    }

    private static bool LooksLikeUuid(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? text[i] == '-' : char.IsAsciiHexDigit((char)text[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
