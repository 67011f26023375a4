using System.Collections.Concurrent;
using Evidence.Rendering.Fonts;
using Evidence.Rendering.Fonts.OpenType;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// Chooses, character by character, the font that has a glyph: the face itself, else the CJK
/// fallback, else the emoji fallback. Characters no font has are drawn in the face (its empty box)
/// and noted, with the section they were met in, for the build's warning.
/// </summary>
internal sealed class FontFallback
{
    // Fonts are read once per process: a CJK collection is 20 MB, and most documents never need it.
    private static readonly ConcurrentDictionary<string, CharacterMap> PrimaryMaps = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<FallbackFont?>> Fallbacks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, double> NotdefWidths = new(StringComparer.Ordinal);

    private readonly CharacterMap?[] primary;
    private readonly LocatedFonts located;
    private readonly FallbackFaces faces;
    private readonly Dictionary<(FontFace, int), FontChoice> choices = [];
    private Ligatures? emojiLigatures;

    public FontFallback(LocatedFonts located, FallbackFaces faces)
    {
        this.faces = faces;
        this.located = located;
        primary = new CharacterMap?[5];
        foreach (var face in Enum.GetValues<FontFace>())
        {
            primary[(int)face] = Map(File(located, face));
        }
    }

    /// <summary>The section text is being set for, named in the warning about missing characters.</summary>
    public string Section { get; set; } = string.Empty;

    /// <summary>Characters no font has, each with the sections it appears in, in the order first met.</summary>
    public MissingCharacters Missing { get; } = new();

    /// <summary>The file <paramref name="face"/> is drawn from, and its character map.</summary>
    public (string Path, CharacterMap? Map) Primary(FontFace face) => (File(located, face), primary[(int)face]);

    /// <summary>The width of the face's empty box (glyph 0), per point of font size.</summary>
    public double NotdefWidth(FontFace face) =>
        NotdefWidths.GetOrAdd(File(located, face), path =>
        {
            var font = SfntFace.Open(System.IO.File.ReadAllBytes(path));
            return SfntFace.U16(font.Table("hmtx"), 0) / (double)SfntFace.U16(font.Table("head"), 18);
        });

    public FallbackFont? Cjk => Fallback(faces.Cjk, CjkFaceChooser.Choose);

    public FallbackFont? Emoji => Fallback(faces.Emoji, _ => 0);

    public FontChoice Choose(FontFace face, int codePoint)
    {
        // Spaces and controls are never worth a fallback: the face's own measure them.
        if (codePoint < 0x80 || primary[(int)face] is not { } map)
        {
            return FontChoice.Primary;
        }

        if (map.Covers(codePoint))
        {
            return codePoint > 0xFFFF ? FontChoice.Supplementary : FontChoice.Primary;
        }

        if (!choices.TryGetValue((face, codePoint), out var choice))
        {
            choice = IsDefaultIgnorable(codePoint) ? (Emoji?.Covers(codePoint) == true ? FontChoice.Emoji : FontChoice.Primary)
                : Cjk?.Covers(codePoint) == true ? FontChoice.Cjk
                : Emoji?.Covers(codePoint) == true ? FontChoice.Emoji
                : FontChoice.Missing;
            choices[(face, codePoint)] = choice;
        }

        if (choice == FontChoice.Missing)
        {
            Missing.Add(codePoint, Section);
        }

        return choice;
    }

    /// <summary>
    /// The emoji glyph that stands for the sequence starting at <paramref name="text"/>[0] (a flag,
    /// a family joined by ZWJ, an emoji with its presentation selector) and how many characters it
    /// takes; a sequence the face has no ligature for stands for its first character alone.
    /// </summary>
    public (int Glyph, int Chars) EmojiSequence(ReadOnlySpan<char> text)
    {
        const int Longest = 16;
        Span<ushort> glyphs = stackalloc ushort[Longest];
        Span<int> ends = stackalloc int[Longest];
        var emoji = Emoji!;
        var (count, at) = (0, 0);
        while (count < Longest && at < text.Length)
        {
            var codePoint = CodePointAt(text, at);
            var length = codePoint > 0xFFFF ? 2 : 1;
            if (!emoji.Covers(codePoint))
            {
                break;
            }

            glyphs[count] = emoji.Map.Glyph(codePoint);
            at += length;
            ends[count++] = at;
        }

        if (count == 0)
        {
            return (0, 1);
        }

        var (glyph, taken) = EmojiLigatures.Longest(glyphs[..count]);
        var chars = ends[taken - 1];

        // Joiners and selectors left over belong to the emoji before them: invisible, never a box.
        while (taken < count && IsDefaultIgnorable(CodePointAt(text, chars)))
        {
            chars = ends[taken++];
        }

        return (glyph, chars);
    }

    private Ligatures EmojiLigatures => emojiLigatures ??= new Ligatures(Emoji!.Face);

    private static int CodePointAt(ReadOnlySpan<char> text, int at) =>
        at + 1 < text.Length && char.IsSurrogatePair(text[at], text[at + 1]) ? char.ConvertToUtf32(text[at], text[at + 1]) : text[at];

    /// <summary>
    /// Joiners and selectors are invisible by definition: with no glyph for them they are dropped,
    /// not reported (a flag or a family of emoji is made of them).
    /// </summary>
    public static bool IsDefaultIgnorable(int codePoint) =>
        codePoint is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0000 and <= 0xE0FFF);

    private static string File(LocatedFonts located, FontFace face) => face switch
    {
        FontFace.Bold => located.Bold ?? located.Regular,
        FontFace.Italic => located.Italic ?? located.Regular,
        FontFace.BoldItalic => located.BoldItalic ?? located.Bold ?? located.Italic ?? located.Regular,
        FontFace.Mono => located.Monospace ?? located.Regular,
        _ => located.Regular,
    };

    private static CharacterMap? Map(string path) =>
        PrimaryMaps.GetOrAdd(path, p => CharacterMap.Read(SfntFace.Open(System.IO.File.ReadAllBytes(p))));

    private static FallbackFont? Fallback(string? path, Func<byte[], int> face) =>
        path is null ? null : Fallbacks.GetOrAdd(path, key => new Lazy<FallbackFont?>(() => FallbackFont.Load(key, face))).Value;
}
