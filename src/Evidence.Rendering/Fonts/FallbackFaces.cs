namespace Evidence.Rendering.Fonts;

/// <summary>
/// The installed fonts the PDF writer falls back to for characters the body font lacks: a CJK face
/// (Noto Sans CJK, a CFF collection) and a colour emoji face (Noto Color Emoji). Either may be absent.
/// </summary>
/// <param name="Cjk">The CJK collection file, or null (its Simplified Chinese face is used, see CjkFaceChooser).</param>
/// <param name="Emoji">The emoji font file, or null.</param>
public sealed record FallbackFaces(string? Cjk, string? Emoji)
{
    /// <summary>File names searched for, best first.</summary>
    internal static IReadOnlyList<string> CjkFiles { get; } = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansCJK-Regular.otf"];

    internal static IReadOnlyList<string> EmojiFiles { get; } = ["NotoColorEmoji.ttf", "NotoColorEmoji-Regular.ttf"];
}
