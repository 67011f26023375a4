using Evidence.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Yaml;

/// <summary>Parses YAML (and JSON, which YAML reads too) into nodes that keep their line and column.</summary>
internal static class YamlFile
{
    /// <summary>Reads and parses the file at <paramref name="path"/>: YAML, or JSON when its name ends in <c>.json</c>.</summary>
    public static YamlNode? Load(string path, string displayPath, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(path, displayPath, diagnostics);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && JsonError(text) is { } json)
        {
            // YAML reads JSON too, but a truncated JSON file is no YAML indentation problem: say what it is.
            diagnostics.Error(new SourceLocation(displayPath, json.Line, json.Column), json.Message);
            return null;
        }

        return Parse(text, displayPath, diagnostics);
    }

    /// <summary>The root node of the file's single document, or null after reporting why there is none.</summary>
    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The parser names where the structure broke, often lines away (or 1:1); a tab that indents a key is the cause.
            if (TabIndentation.Find(text) is { } tab)
            {
                diagnostics.Error(new SourceLocation(displayPath, tab.Line, tab.Column), "a tab indents this line; YAML indents with spaces only");
                return null;
            }

            if (e is YamlException yaml)
            {
                diagnostics.Error(new SourceLocation(displayPath, Math.Max(1, (int)yaml.Start.Line), Math.Max(1, (int)yaml.Start.Column)), CleanMessage(yaml));
                return null;
            }

            // YamlDotNet's scanner gives up without a mark on some unclosed flow collections ("key: [a, b" and a
            // mapping after it): the last thing it read is the place to look.
            var last = parser.Current?.Start ?? Mark.Empty;
            diagnostics.Error(new SourceLocation(displayPath, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column)),
                "YAML syntax error: the file cannot be read past here; close the '[' or '{' opened here (or further on), or the quote it holds");
            return null;
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            diagnostics.Error(new SourceLocation(displayPath, 1, 1), "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Error(Locate(displayPath, second), "the file holds more than one YAML document (---); keep one document per file");
        }

        return stream.Documents[0].RootNode;
    }

    public static SourceLocation Locate(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    public static SourceLocation Locate(string file, YamlNode node) => Locate(file, node.Start);

    private static (int Line, int Column, string Message)? JsonError(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            var problem = e.Message;
            var cut = problem.IndexOf(" LineNumber:", StringComparison.Ordinal);
            problem = (cut > 0 ? problem[..cut] : problem).TrimEnd('.', ' ');
            return ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"malformed JSON ({problem}); the file is cut short or was edited by hand");
        }
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain };

    private static string CleanMessage(YamlException e)
    {
        var text = e.InnerException?.Message ?? e.Message;
        if (text.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            // YamlDotNet says "Duplicate key <key>"; name it, since the line alone may hold several.
            var key = text["Duplicate key".Length..].Trim();
            return key.Length == 0
                ? "a key appears twice in the same mapping; keep one"
                : $"key '{key}' appears twice in the same mapping; keep one";
        }

        // YamlDotNet prefixes messages with the marks again: "(Line: 3, Col: 5, Idx: 20) - (…): text".
        var cut = text.LastIndexOf("): ", StringComparison.Ordinal);
        text = cut >= 0 ? text[(cut + 3)..] : text;
        return $"YAML syntax error: {text.TrimEnd('.')} (check indentation, quotes and colons)";
    }
}
