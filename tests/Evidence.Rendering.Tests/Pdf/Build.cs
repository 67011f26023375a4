using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Pdf;

/// <summary>Small builders for documents written in tests.</summary>
internal static class Build
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    public static DocumentInfo Info { get; } = new()
    {
        Title = "Evidence Binder",
        SystemName = "Acme Health Patient Portal",
        Author = "Acme Health",
        Subject = "HIPAA Security Rule evidence",
        Keywords = ["HIPAA", "binder"],
        GeneratedAt = AsOf,
    };

    public static Document Document(params Block[] blocks) => new(Info, blocks);

    public static Paragraph Paragraph(string text) => new([new TextRun(text)]);

    public static Heading Heading(int level, string title, string? anchor = null) =>
        new(level, [new TextRun(title)], anchor ?? Anchor(title));

    public static string Anchor(string title) => title.ToLowerInvariant().Replace(' ', '-');

    public static Table Table(string[] headers, IEnumerable<string[]> rows) =>
        new([.. headers.Select(h => new TableColumn(h))], rows.Select(r => (IReadOnlyList<TableCell>)[.. r.Select(TableCell.Of)]));

    /// <summary>An ARN of exactly <paramref name="length"/> characters with no space to break at.</summary>
    public static string Arn(int length, int seed = 0)
    {
        var prefix = $"arn:aws:iam::{123456789012 + seed}:role/service-role/";
        var body = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + ((i * 7) + seed) % 26)));
        return (prefix + body)[..length];
    }

    /// <summary>Paragraphs of filler, to push what follows down the page.</summary>
    public static IEnumerable<Block> Filler(int paragraphs) =>
        Enumerable.Range(1, paragraphs).Select(i => Paragraph($"Filler paragraph {i} about access control and audit logging."));
}
