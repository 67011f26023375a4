using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Rendering.Tests.Pdf.Tagging;

/// <summary>A written PDF read back with PDFsharp's parser: its catalog, its structure tree in reading order, each page's marked content.</summary>
internal sealed partial class TaggedPdf : IDisposable
{
    private readonly PdfDocument pdf;

    public TaggedPdf(byte[] bytes)
    {
        pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
    }

    public PdfDictionary Catalog => pdf.Internals.Catalog;

    public PdfDocument Document => pdf;

    /// <summary>Every structure element below the root, depth first, which is reading order.</summary>
    public IReadOnlyList<PdfDictionary> Elements()
    {
        var result = new List<PdfDictionary>();
        var root = Resolve(Catalog.Elements["/StructTreeRoot"])!;
        Walk(Resolve(root.Elements["/K"])!, result);
        return result;
    }

    /// <summary>The MCIDs a page's content marks, in order, and whether its BDC/BMC and EMC operators pair up.</summary>
    public (IReadOnlyList<int> Mcids, bool Balanced) Marks(int pageIndex)
    {
        var text = new StringBuilder();
        foreach (var stream in Streams(pdf.Pages[pageIndex].Elements["/Contents"]))
        {
            text.Append(Encoding.Latin1.GetString(stream.Stream.UnfilteredValue)).Append('\n');
        }

        var content = text.ToString();
        var mcids = McidPattern().Matches(content).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var depth = 0;
        var balanced = true;
        foreach (Match op in OperatorPattern().Matches(content))
        {
            depth += op.Value == "EMC" ? -1 : 1;
            balanced &= depth >= 0;
        }

        return (mcids, balanced && depth == 0);
    }

    public static PdfDictionary? Resolve(PdfItem? item) => item switch
    {
        PdfReference reference => reference.Value as PdfDictionary,
        PdfDictionary dictionary => dictionary,
        _ => null,
    };

    public static string Role(PdfDictionary element) => element.Elements.GetName("/S");

    public void Dispose() => pdf.Dispose();

    private static void Walk(PdfDictionary element, List<PdfDictionary> result)
    {
        foreach (var kid in Kids(element))
        {
            if (Resolve(kid) is { } child && child.Elements.GetName("/Type") == "/StructElem")
            {
                result.Add(child);
                Walk(child, result);
            }
        }
    }

    public static IEnumerable<PdfItem> Kids(PdfDictionary element) => element.Elements["/K"] switch
    {
        PdfArray array => array.Elements,
        { } single => [single],
        _ => [],
    };

    private static IEnumerable<PdfDictionary> Streams(PdfItem? contents) => contents switch
    {
        PdfReference reference => Streams(reference.Value),
        PdfArray array => array.Elements.SelectMany(Streams),
        PdfDictionary { Stream: not null } dictionary => [dictionary],
        _ => [],
    };

    [GeneratedRegex(@"<</MCID (\d+)>> BDC")]
    private static partial Regex McidPattern();

    [GeneratedRegex(@"\b(BDC|BMC|EMC)\b")]
    private static partial Regex OperatorPattern();
}
