using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Complex fields (begin, instruction, separate, cached result, end). A cached result means the
/// field reads sensibly in viewers that never compute fields; Word recomputes it.
/// </summary>
internal static class DocxFields
{
    public static IEnumerable<W.Run> Complex(string instruction, string cachedResult)
    {
        yield return new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin });
        yield return new W.Run(new W.FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve });
        yield return new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate });
        yield return new W.Run(new W.RunProperties(new W.NoProof()), new W.Text(cachedResult));
        yield return new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End });
    }
}
