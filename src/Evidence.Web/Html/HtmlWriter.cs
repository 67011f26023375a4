using System.Text;
using System.Text.Encodings.Web;

namespace Evidence.Web.Html;

/// <summary>
/// Builds an HTML page where every text and attribute value is encoded on the way in: no caller can
/// write markup from data, so a control title, a comment or a raw cloud response cannot inject any.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens <paramref name="tag"/> (a constant of the caller, never data) with its attributes; null values are left out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the element opened last.</summary>
    public HtmlWriter Close()
    {
        _html.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        return Text(text).Raw("</" + tag + ">");
    }

    /// <summary>An element with no content, such as <c>input</c>.</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        return this;
    }

    /// <summary>A link whose text and address are both encoded.</summary>
    public HtmlWriter Link(string href, string? text, string? cssClass = null) => Element("a", text, ("href", href), ("class", cssClass));

    public HtmlWriter Text(string? text)
    {
        _html.Append(HtmlEncoder.Default.Encode(text ?? string.Empty));
        return this;
    }

    public override string ToString() => _open.Count == 0 ? _html.ToString() : throw new InvalidOperationException($"<{_open.Peek()}> was left open");

    private void StartTag(string tag, (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
    }

    /// <summary>Markup written by this class itself (closing tags), never data.</summary>
    private HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }
}
