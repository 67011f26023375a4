using System.Globalization;

namespace Evidence.Rendering.Docx;

/// <summary>
/// External links become relationships of the main part, numbered in order of first use so the
/// ids are the same on every run. The relationships are written after the body.
/// </summary>
internal sealed class DocxHyperlinks
{
    private readonly Dictionary<string, string> _idsByUrl = new(StringComparer.Ordinal);
    private readonly List<OpcRelationship> _relationships = [];

    public IReadOnlyList<OpcRelationship> Relationships => _relationships;

    /// <summary>
    /// The relationship id for an absolute URL, or null when the target is not one (a relative
    /// path to an attachment, say, which a DOCX does not carry); such links are written as text.
    /// </summary>
    public string? IdFor(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return null;
        }

        var url = uri.AbsoluteUri;
        if (!_idsByUrl.TryGetValue(url, out var id))
        {
            id = "rIdLink" + (_relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
            _idsByUrl.Add(url, id);
            _relationships.Add(new OpcRelationship(id, DocxParts.HyperlinkType, url) { External = true });
        }

        return id;
    }
}
