using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Streams the main document part as the Open XML SDK's part writer does, byte for byte for the calls this project makes
/// (the same XML writer settings; an element's own namespace declarations are not written, nor is text checked to be
/// inside a w:t), with shortcuts. A properties element a 200,000-row table writes into every cell and run (a
/// paragraph's style, a row's "do not split") is serialized once and written as text from then on: walking the element
/// through the XML writer's namespace checks each time was a quarter of the binder's Word write. For the same reason an
/// element of the main namespace with no attributes (a row, cell, paragraph, run or text) has its tags written as text:
/// the same bytes, "&lt;w:p /&gt;" when it stays empty, while its content still goes through the XML writer.
/// </summary>
internal sealed class DocxPartWriter : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly XmlWriter _xml;
    private readonly Dictionary<OpenXmlElement, string> _serialized = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, (string Start, string End)> _plainTags = [];

    // The end of each open element: its end tag when its start was written as text, null when the XML writer wrote it.
    private readonly Stack<string?> _open = new();
    private KeyValuePair<string, string>[] _rootNamespaces = [];

    // Whether the root declared "w" for the main namespace, so that tags can be written as text with that prefix.
    private bool _mainIsW;

    // A start tag written as text still waits for its ">" (or " />" if the element ends empty).
    private bool _startPending;

    public DocxPartWriter(Stream stream)
    {
        _xml = XmlWriter.Create(stream, new XmlWriterSettings { CloseOutput = false, Encoding = PartXml.Utf8 });
    }

    public void WriteStartDocument(bool standalone) => _xml.WriteStartDocument(standalone);

    public void WriteStartElement(OpenXmlElement element)
    {
        if (_mainIsW && element is not OpenXmlUnknownElement && element.NamespaceUri == MainNamespace && !element.HasAttributes)
        {
            var (start, end) = PlainTags(element);
            EndPendingStart();
            _xml.WriteRaw(start);
            _startPending = true;
            _open.Push(end);
            return;
        }

        WriteStartElement(element, element.GetAttributes(), []);
    }

    public void WriteStartElement(OpenXmlElement element, IEnumerable<OpenXmlAttribute> attributes) => WriteStartElement(element, attributes, []);

    /// <summary>A start tag with these attributes (the element's own are not written) and namespace declarations.</summary>
    public void WriteStartElement(OpenXmlElement element, IEnumerable<OpenXmlAttribute> attributes, IReadOnlyList<KeyValuePair<string, string>> namespaces)
    {
        EndPendingStart();
        _open.Push(null);
        _xml.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceUri);
        foreach (var (prefix, uri) in namespaces)
        {
            _xml.WriteAttributeString("xmlns", prefix, "http://www.w3.org/2000/xmlns/", uri);
        }

        if (namespaces.Count > 0 && _rootNamespaces.Length == 0)
        {
            _rootNamespaces = [.. namespaces];
            _mainIsW = namespaces.Contains(new("w", MainNamespace));
        }

        foreach (var attribute in attributes)
        {
            _xml.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
        }
    }

    public void WriteEndElement()
    {
        var end = _open.Pop();
        if (end is null)
        {
            EndPendingStart();
            _xml.WriteEndElement();
        }
        else if (_startPending)
        {
            _xml.WriteRaw(" />");
            _startPending = false;
        }
        else
        {
            _xml.WriteRaw(end);
        }
    }

    /// <summary>Text inside the element just started (a w:t or w:instrText).</summary>
    public void WriteString(string text)
    {
        EndPendingStart();
        _xml.WriteString(text);
    }

    /// <summary>A whole element with its attributes and children.</summary>
    public void WriteElement(OpenXmlElement element)
    {
        EndPendingStart();
        element.WriteTo(_xml);
    }

    /// <summary>
    /// A whole element that is written many times and never changed once written: serialized on first use (inside the
    /// root's namespace declarations, so the text is what <see cref="WriteElement"/> would write) and copied after.
    /// </summary>
    public void WriteRepeated(OpenXmlElement element)
    {
        if (!_serialized.TryGetValue(element, out var text))
        {
            text = Serialize(element);
            _serialized.Add(element, text);
        }

        EndPendingStart();
        _xml.WriteRaw(text);
    }

    /// <summary>Ends every open element and flushes the part.</summary>
    public void Close()
    {
        while (_open.Count > 0)
        {
            WriteEndElement();
        }

        _xml.Close();
    }

    /// <summary>Lets go of the XML writer; without <see cref="Close"/> (a write abandoned) the part is left unfinished.</summary>
    public void Dispose() => _xml.Dispose();

    private (string Start, string End) PlainTags(OpenXmlElement element)
    {
        var type = element.GetType();
        if (!_plainTags.TryGetValue(type, out var tags))
        {
            tags = ($"<w:{element.LocalName}", $"</w:{element.LocalName}>");
            _plainTags.Add(type, tags);
        }

        return tags;
    }

    private void EndPendingStart()
    {
        if (_startPending)
        {
            _xml.WriteRaw(">");
            _startPending = false;
        }
    }

    private string Serialize(OpenXmlElement element)
    {
        var buffer = new StringBuilder();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("w", "document", MainNamespace);
            foreach (var (prefix, uri) in _rootNamespaces)
            {
                xml.WriteAttributeString("xmlns", prefix, "http://www.w3.org/2000/xmlns/", uri);
            }

            xml.WriteRaw(string.Empty);
            xml.Flush();
            var start = buffer.Length;
            element.WriteTo(xml);
            xml.Flush();
            var text = buffer.ToString(start, buffer.Length - start);
            xml.WriteEndElement();
            return text;
        }
    }
}
