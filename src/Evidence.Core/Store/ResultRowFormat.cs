using System.Text.Json;
using Evidence.Core.Yaml;

namespace Evidence.Core.Store;

/// <summary>Reads and writes result rows as JSON lines, one resource per line, keys in a fixed order.</summary>
public static class ResultRowFormat
{
    public static void Write(Utf8JsonWriter writer, ResultRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("resource_type", row.ResourceType);
        writer.WriteString("resource_id", row.ResourceId);
        WriteOptional(writer, "account", row.Account);
        WriteOptional(writer, "region", row.Region);
        WriteOptional(writer, "subscription", row.Subscription);
        writer.WriteString("compliance", row.Compliance);
        WriteOptional(writer, "annotation", row.Annotation);
        if (row.EvaluatedAt is { } evaluated)
        {
            writer.WriteString("evaluated_at", Timestamps.Format(evaluated));
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the rows of a results file lazily, so a large file is never held in memory at once.</summary>
    public static IEnumerable<ResultRow> Read(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return Parse(line, path, lineNumber);
        }
    }

    private static ResultRow Parse(string line, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return new ResultRow(
                Required(root, "resource_type"),
                Required(root, "resource_id"),
                Required(root, "compliance"),
                Optional(root, "account"),
                Optional(root, "region"),
                Optional(root, "subscription"),
                Optional(root, "annotation"),
                Optional(root, "evaluated_at") is { } t && Timestamps.TryParseUtc(t, out var instant) ? instant : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}:{lineNumber}:1: not a valid result row ({e.Message})", e);
        }
    }

    private static string Required(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
