using System.Globalization;
using Evidence.Core.Files;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Docx;

/// <summary>
/// The document's pictures as media parts of the package, found before anything is written (the content
/// types come first): each figure its part, <c>/word/media/image1.png</c> and on, and its relationship from
/// the main part, numbered in document order so the same document gives the same package.
/// </summary>
internal sealed class DocxFigures
{
    private const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

    private readonly Dictionary<Figure, (OpcPart Part, string Id, int Number)> _figures = new(ReferenceEqualityComparer.Instance);
    private readonly List<Figure> _order = [];

    public DocxFigures(IEnumerable<Block> blocks)
    {
        foreach (var figure in Figures(blocks))
        {
            if (_figures.ContainsKey(figure))
            {
                continue;
            }

            var number = _order.Count + 1;
            var (extension, type) = figure.Image.Info.Format == ImageFormat.Png ? ("png", "image/png") : ("jpeg", "image/jpeg");
            var name = string.Create(CultureInfo.InvariantCulture, $"/word/media/image{number}.{extension}");
            _figures.Add(figure, (new OpcPart(name, type), string.Create(CultureInfo.InvariantCulture, $"rIdImage{number}"), number));
            _order.Add(figure);
        }
    }

    /// <summary>The media parts, in document order.</summary>
    public IEnumerable<OpcPart> Parts => _order.Select(f => _figures[f].Part);

    /// <summary>The main part's relationships to the media parts.</summary>
    public IEnumerable<OpcRelationship> Relationships => _order.Select(f => new OpcRelationship(_figures[f].Id, ImageType, _figures[f].Part.Name["/word/".Length..]));

    /// <summary>The relationship id of <paramref name="figure"/> and its number among the document's pictures (Word's drawing object id).</summary>
    public (string Id, int Number) Of(Figure figure) => (_figures[figure].Id, _figures[figure].Number);

    /// <summary>Writes each picture's bytes into its part.</summary>
    public void WriteParts(OpcPackageWriter package)
    {
        foreach (var figure in _order)
        {
            using var stream = package.OpenPart(_figures[figure].Part);
            stream.Write(figure.Image.Bytes.Span);
        }
    }

    private static IEnumerable<Figure> Figures(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Figure figure:
                    yield return figure;
                    break;
                case ListBlock list:
                    foreach (var inner in list.Items.SelectMany(Figures))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}
