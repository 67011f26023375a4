namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// Picks the face of a CJK collection to draw with. Noto Sans CJK holds one face per region
/// (JP, KR, SC, TC, HK) with the same coverage and regional glyph shapes; Simplified Chinese is
/// taken, the same on every machine, and proportional faces before the monospaced ones.
/// </summary>
internal static class CjkFaceChooser
{
    private static readonly string[] Preference = ["Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK HK"];

    public static int Choose(byte[] data)
    {
        var count = SfntFace.FaceCount(data);
        var names = Enumerable.Range(0, count).Select(i => SfntFace.Open(data, i).FamilyName()).ToList();
        foreach (var name in Preference)
        {
            var index = names.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }

        return 0;
    }
}
