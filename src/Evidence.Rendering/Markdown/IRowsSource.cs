using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Markdown;

/// <summary>Turns a <c>```rows</c> block into a table whose rows are read lazily when the document is written.</summary>
public interface IRowsSource
{
    /// <summary>The table for <paramref name="spec"/>; throws <see cref="MarkdownException"/> when the run, item or a column is unknown.</summary>
    Table Table(RowsSpec spec);
}
