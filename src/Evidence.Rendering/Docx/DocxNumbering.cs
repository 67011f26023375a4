using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// The list definitions. All bulleted lists share one numbering instance; every numbered list gets
/// its own instance that restarts at 1, or the second list in a document would go on from the first.
/// The part is written after the body, once the number of numbered lists is known.
/// </summary>
internal sealed class DocxNumbering
{
    public const int BulletList = 1;
    private const int BulletAbstract = 0;
    private const int OrderedAbstract = 1;
    private const int Levels = 9;

    private static readonly string[] Bullets = ["\u2022", "\u25E6", "\u25AA"];
    private static readonly W.NumberFormatValues[] OrderedFormats = [W.NumberFormatValues.Decimal, W.NumberFormatValues.LowerLetter, W.NumberFormatValues.LowerRoman];

    private readonly List<int> _orderedListLevels = [];

    /// <summary>Registers a numbered list that starts at <paramref name="level"/>; returns its numbering id.</summary>
    public int StartOrderedList(int level)
    {
        _orderedListLevels.Add(level);
        return BulletList + _orderedListLevels.Count;
    }

    public W.Numbering Build()
    {
        var numbering = new W.Numbering(
            Abstract(BulletAbstract, "3A1C0001", level => (W.NumberFormatValues.Bullet, Bullets[level % Bullets.Length])),
            Abstract(OrderedAbstract, "3A1C0002", level => (OrderedFormats[level % OrderedFormats.Length], $"%{level + 1}.")));
        numbering.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        numbering.Append(new W.NumberingInstance(new W.AbstractNumId { Val = BulletAbstract }) { NumberID = BulletList });
        for (var i = 0; i < _orderedListLevels.Count; i++)
        {
            numbering.Append(new W.NumberingInstance(
                new W.AbstractNumId { Val = OrderedAbstract },
                new W.LevelOverride(new W.StartOverrideNumberingValue { Val = 1 }) { LevelIndex = _orderedListLevels[i] })
            {
                NumberID = BulletList + 1 + i,
            });
        }

        return numbering;
    }

    private static W.AbstractNum Abstract(int id, string nsid, Func<int, (W.NumberFormatValues Format, string Text)> look)
    {
        var children = new List<OpenXmlElement>
        {
            new W.Nsid { Val = nsid },
            new W.MultiLevelType { Val = W.MultiLevelValues.HybridMultilevel },
        };
        for (var level = 0; level < Levels; level++)
        {
            var (format, text) = look(level);
            children.Add(new W.Level(
                new W.StartNumberingValue { Val = 1 },
                new W.NumberingFormat { Val = format },
                new W.LevelText { Val = text },
                new W.LevelJustification { Val = W.LevelJustificationValues.Left },
                new W.PreviousParagraphProperties(new W.Indentation
                {
                    Left = DocxFormatting.Number(DocxLayout.ListIndent * (level + 1)),
                    Hanging = DocxFormatting.Number(DocxLayout.ListIndent),
                }))
            {
                LevelIndex = level,
            });
        }

        return new W.AbstractNum(children) { AbstractNumberId = id };
    }
}
