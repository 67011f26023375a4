using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Evidence.Rendering.Fonts;
using PdfSharp.Fonts;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// The one font resolver PDFsharp asks for font files. PDFsharp keeps its resolver in process-wide
/// state that cannot change once a font was used, so this resolver never changes either: it only
/// learns new families, each named after the files it serves, and every writer registers the
/// fonts it located before drawing.
/// </summary>
internal sealed class FontRegistry : IFontResolver
{
    private static readonly Lock InstallLock = new();

    private readonly ConcurrentDictionary<string, FontResolverInfo[]> families = new(StringComparer.Ordinal);

    // Fonts made in memory (fallback faces converted for PDFsharp), by face name; each name is the hash of its bytes.
    private readonly ConcurrentDictionary<string, byte[]> made = new(StringComparer.Ordinal);

    private FontRegistry()
    {
    }

    public static FontRegistry Instance { get; } = new();

    /// <summary>Registers <paramref name="fonts"/> and returns the (proportional, monospace) family names to create XFonts with.</summary>
    public static (string Sans, string Mono) Register(LocatedFonts fonts)
    {
        Install();
        var key = FamilyKey(fonts);
        var sans = key + " Sans";
        var mono = key + " Mono";
        Instance.families.TryAdd(sans,
        [
            new FontResolverInfo(fonts.Regular),
            Face(fonts.Bold, fonts.Regular, bold: true, italic: false),
            Face(fonts.Italic, fonts.Regular, bold: false, italic: true),
            BoldItalicFace(fonts),
        ]);
        var monoFile = fonts.Monospace ?? fonts.Regular;
        var monoFace = new FontResolverInfo(monoFile);
        Instance.families.TryAdd(mono, [monoFace, monoFace, monoFace, monoFace]);
        return (sans, mono);
    }

    /// <summary>Registers a font made in memory under a name derived from its bytes and returns the family name to create XFonts with.</summary>
    public static string Register(byte[] font)
    {
        Install();
        var family = "Evidence Made " + Convert.ToHexString(SHA256.HashData(font), 0, 8);
        if (Instance.made.TryAdd(family, font))
        {
            var face = new FontResolverInfo(family);
            Instance.families.TryAdd(family, [face, face, face, face]);
        }

        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        families.TryGetValue(familyName, out var faces) ? faces[(bold ? 1 : 0) + (italic ? 2 : 0)] : null;

    // PDFsharp caches what it gets here for the life of the process, so the file is read once.
    public byte[]? GetFont(string faceName) =>
        made.TryGetValue(faceName, out var font) ? font : File.Exists(faceName) ? File.ReadAllBytes(faceName) : null;

    // Sets this resolver once. A host that installed its own resolver keeps it; ours then serves
    // as the fallback, which PDFsharp asks for the family names only we know.
    private static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is FontRegistry || GlobalFontSettings.FallbackFontResolver is FontRegistry)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
            else
            {
                throw new InvalidOperationException(
                    "The PDF writer cannot find its fonts: the application has set both of PDFsharp's font resolvers (GlobalFontSettings.FontResolver and FallbackFontResolver), and PDFsharp allows no third.");
            }
        }
    }

    // A missing face is drawn from the regular one, emboldened or slanted by PDFsharp.
    private static FontResolverInfo Face(string? file, string regular, bool bold, bool italic) =>
        file is null ? new FontResolverInfo(regular, bold, italic) : new FontResolverInfo(file);

    private static FontResolverInfo BoldItalicFace(LocatedFonts fonts) => fonts switch
    {
        { BoldItalic: { } file } => new FontResolverInfo(file),
        { Bold: { } bold } => new FontResolverInfo(bold, mustSimulateBold: false, mustSimulateItalic: true),
        { Italic: { } italic } => new FontResolverInfo(italic, mustSimulateBold: true, mustSimulateItalic: false),
        _ => new FontResolverInfo(fonts.Regular, mustSimulateBold: true, mustSimulateItalic: true),
    };

    private static string FamilyKey(LocatedFonts fonts)
    {
        var text = string.Join('\n', fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic, fonts.Monospace);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "Evidence " + Convert.ToHexString(hash, 0, 6);
    }
}
