using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Tests.Markdown;

/// <summary>Compares inlines by value, links by target and content (records compare lists by reference).</summary>
internal sealed class InlineComparer : IEqualityComparer<Inline>
{
    public bool Equals(Inline? x, Inline? y) => (x, y) switch
    {
        (Link a, Link b) => a.Target == b.Target && a.Content.SequenceEqual(b.Content, this),
        _ => Equals((object?)x, y),
    };

    public int GetHashCode(Inline obj) => obj.GetType().GetHashCode();
}

/// <summary>Compares rows specs by value, columns included.</summary>
internal sealed class RowsSpecComparer : IEqualityComparer<RowsSpec?>
{
    public bool Equals(RowsSpec? x, RowsSpec? y) =>
        x is not null && y is not null && x with { Columns = [] } == y with { Columns = [] } && x.Columns.SequenceEqual(y.Columns);

    public int GetHashCode(RowsSpec? obj) => obj?.Run.GetHashCode(StringComparison.Ordinal) ?? 0;
}
