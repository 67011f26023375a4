using Evidence.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Yaml;

/// <summary>
/// A strict view of one YAML mapping. It knows the keys its kind allows and reports every other
/// key as an error (with "did you mean"), reports duplicate keys, and reads typed values so that
/// a wrong type is an error at the value's line and column rather than an exception.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allowed;

    private YamlMap(YamlMappingNode node, string file, string what, string[] allowed, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string>? refused)
    {
        File = file;
        What = what;
        Diagnostics = diagnostics;
        Location = YamlFile.Locate(file, node);
        _allowed = new HashSet<string>(allowed, StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                diagnostics.Error(YamlFile.Locate(file, keyNode), $"keys in {what} must be plain text");
                continue;
            }

            if (_entries.TryGetValue(key, out var first))
            {
                diagnostics.Error(YamlFile.Locate(file, keyNode), $"duplicate key '{key}' in {what} (first given at line {first.Key.Start.Line}); keep one");
                continue;
            }

            _entries[key] = (scalarKey, value);
            if (refused?.GetValueOrDefault(key) is { } why)
            {
                diagnostics.Error(YamlFile.Locate(file, keyNode), why);
            }
            else if (!_allowed.Contains(key))
            {
                var hint = Suggestions.Closest(key, allowed) is { } near
                    ? $" (did you mean '{near}'?)"
                    : $"; allowed keys are: {string.Join(", ", allowed)}";
                diagnostics.Error(YamlFile.Locate(file, keyNode), $"unknown key '{key}' in {what}{hint}");
            }
        }
    }

    public string File { get; }

    public string What { get; }

    public SourceLocation Location { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>
    /// Views <paramref name="node"/> as a mapping, or reports that it is not one. A key of <paramref name="refused"/>
    /// is one people will try that must never be written here (a secret, say): its error is the message given.
    /// </summary>
    public static YamlMap? From(YamlNode? node, string file, string what, string[] allowed, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string>? refused = null)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, file, what, allowed, diagnostics, refused);
        }

        if (node is not null)
        {
            diagnostics.Error(YamlFile.Locate(file, node), $"{what} must be a mapping of keys to values, found {Describe(node)}");
        }

        return null;
    }

    /// <summary>The location of the key's value, or of the mapping when the key is absent.</summary>
    public SourceLocation At(string key) => Entry(key) is { } e ? YamlFile.Locate(File, e.Value) : Location;

    /// <summary>The location of the key itself.</summary>
    public SourceLocation KeyAt(string key) => Entry(key) is { } e ? YamlFile.Locate(File, e.Key) : Location;

    public YamlNode? Node(string key, bool required = false)
    {
        var entry = Entry(key);
        if (entry is null || IsNull(entry.Value.Value))
        {
            if (required)
            {
                var where = entry is null ? Location : YamlFile.Locate(File, entry.Value.Key);
                var message = entry is null ? $"{What} is missing the required key '{key}'" : $"'{key}' in {What} needs a value";
                Diagnostics.Error(where, message);
            }

            return null;
        }

        return entry.Value.Value;
    }

    public Scalar? Text(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return new Scalar(scalar.Value ?? string.Empty, YamlFile.Locate(File, node));
        }

        Diagnostics.Error(YamlFile.Locate(File, node), $"'{key}' in {What} must be a single value, found {Describe(node)}");
        return null;
    }

    public string? String(string key, bool required = false) => Text(key, required)?.Value;

    public YamlMap? Map(string key, string what, string[] allowed, bool required = false, IReadOnlyDictionary<string, string>? refused = null) =>
        From(Node(key, required), File, what, allowed, Diagnostics, refused);

    /// <summary>The items of a list-valued key, each viewed as a mapping.</summary>
    public IReadOnlyList<YamlMap> Maps(string key, string what, string[] allowed, bool required = false) =>
        Items(key, required).Select(n => From(n, File, what, allowed, Diagnostics)).OfType<YamlMap>().ToList();

    /// <summary>The items of a list-valued key, each a single value.</summary>
    public IReadOnlyList<Scalar> Texts(string key, bool required = false)
    {
        var result = new List<Scalar>();
        foreach (var item in Items(key, required))
        {
            if (item is YamlScalarNode scalar && !IsNull(item))
            {
                result.Add(new Scalar(scalar.Value ?? string.Empty, YamlFile.Locate(File, item)));
            }
            else
            {
                Diagnostics.Error(YamlFile.Locate(File, item), $"each item of '{key}' in {What} must be a single value, found {Describe(item)}");
            }
        }

        return result;
    }

    public IReadOnlyList<YamlNode> Items(string key, bool required = false)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                if (required && sequence.Children.Count == 0)
                {
                    Diagnostics.Error(YamlFile.Locate(File, node), $"'{key}' in {What} must list at least one item");
                }

                return sequence.Children.ToList();
            default:
                Diagnostics.Error(YamlFile.Locate(File, node), $"'{key}' in {What} must be a list (items starting with '- '), found {Describe(node)}");
                return [];
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private (YamlScalarNode Key, YamlNode Value)? Entry(string key)
    {
        if (!_allowed.Contains(key))
        {
            throw new InvalidOperationException($"'{key}' is read from {What} but is not among its allowed keys.");
        }

        return _entries.TryGetValue(key, out var entry) ? entry : null;
    }
}
