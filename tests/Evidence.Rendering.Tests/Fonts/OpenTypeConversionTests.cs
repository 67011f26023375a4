using Evidence.Rendering.Fonts.OpenType;
using Evidence.Rendering.Pdf.Finishing;
using Evidence.Rendering.Tests.Pdf.Text;

namespace Evidence.Rendering.Tests.Fonts;

public sealed class OpenTypeConversionTests
{
    [Fact]
    public void ACjkGlyphFromTheCffCollectionBecomesATrueTypeOutline()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var data = File.ReadAllBytes(InstalledFallbacks.Faces.Cjk!);
        var face = SfntFace.Open(data, CjkFaceChooser.Choose(data));
        Assert.Equal("Noto Sans CJK SC", face.FamilyName());
        Assert.True(face.IsCff);
        var glyph = CharacterMap.Read(face).Glyph('中');

        var font = SfntFace.Open(TrueTypeBuilder.Build(face, [glyph], "Test-EV00"));

        Assert.False(font.IsCff);
        Assert.Equal("Test-EV00", font.FamilyName());
        var loca = font.Table("loca");
        var start = (int)SfntFace.U32(loca, 4 * glyph);
        var end = (int)SfntFace.U32(loca, 4 * (glyph + 1));
        Assert.True(end > start, "the glyph has an outline");
        Assert.Equal(3, SfntFace.I16(font.Table("glyf"), start)); // 中: the box, its hole, the stroke
        Assert.Equal(SfntFace.U32(loca, 0), SfntFace.U32(loca, 4)); // glyphs not asked for stay empty
        Assert.Equal(glyph, CharacterMap.Read(font).Glyph('中'));
    }

    [Fact]
    public void TheEmojiFaceHasOnePictureForAFlagAndOneForAZwjFamily()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var face = SfntFace.Open(File.ReadAllBytes(InstalledFallbacks.Faces.Emoji!));
        var map = CharacterMap.Read(face);
        var ligatures = new Ligatures(face);
        var bitmaps = new ColorBitmaps(face);

        ushort[] flag = [map.Glyph(0x1F1FA), map.Glyph(0x1F1F8)];
        ushort[] family = [map.Glyph(0x1F468), map.Glyph(0x200D), map.Glyph(0x1F469), map.Glyph(0x200D), map.Glyph(0x1F467)];

        Assert.Equal(2, ligatures.Longest(flag).Length);
        Assert.Equal(5, ligatures.Longest(family).Length);
        var png = bitmaps.Png(ligatures.Longest(family).Glyph);
        Assert.NotNull(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void TheToUnicodeMapNamesACharacterBeyondTheBmpByItsSurrogatePair()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var face = SfntFace.Open(File.ReadAllBytes(InstalledFallbacks.Faces.Emoji!));
        var map = CharacterMap.Read(face);

        var cmap = ToUnicodeWriter.CMap(map, [0x1F600, 'A']);

        Assert.Contains($"<{map.Glyph(0x1F600):X4}><D83DDE00>", cmap, StringComparison.Ordinal);
        Assert.DoesNotContain("1F600", cmap, StringComparison.Ordinal);
    }
}
