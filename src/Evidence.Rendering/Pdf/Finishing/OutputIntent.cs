using System.IO.Compression;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// The sRGB output intent PDF/A asks for, so that the DeviceRGB colours every page uses have a defined
/// meaning. The profile is the sRGB2014 ICC profile (International Color Consortium, free to copy and
/// embed) that PDFsharp carries as a resource, so the same bytes go into every document on every machine.
/// </summary>
internal static class OutputIntent
{
    private const string ProfileResource = "PdfSharp.Resources.sRGB2014.icc";
    private const string Condition = "sRGB IEC61966-2.1";

    public static void Apply(PdfDocument pdf)
    {
        var profile = pdf.Internals.CreateIndirectObject<PdfDictionary>();
        profile.Elements.SetInteger("/N", 3);
        profile.Elements.SetName("/Filter", "/FlateDecode");
        profile.CreateStream(Deflate(Profile()));

        var intent = new PdfDictionary(pdf);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements["/OutputConditionIdentifier"] = new PdfString(Condition);
        intent.Elements["/Info"] = new PdfString(Condition);
        intent.Elements["/RegistryName"] = new PdfString("http://www.color.org");
        intent.Elements.SetReference("/DestOutputProfile", profile);

        var intents = new PdfArray(pdf);
        intents.Elements.Add(intent);
        pdf.Internals.Catalog.Elements["/OutputIntents"] = intents;
    }

    private static byte[] Profile()
    {
        using var resource = typeof(PdfDocument).Assembly.GetManifestResourceStream(ProfileResource)
            ?? throw new InvalidOperationException($"PDFsharp no longer carries {ProfileResource}; PDF/A output needs an sRGB profile.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
