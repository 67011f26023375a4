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

    /// <summary>The longest line a results file may have: a row is one resource, a few hundred bytes in practice.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the rows of a results file lazily, so a large file is never held in memory at once. The lines are
    /// read as UTF-8 and each row straight from its bytes: a 200,000-row build reads its results files several
    /// times (the findings register, the layout for the page numbers, each writer).
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not a result row; the message names the file and line.</exception>
    public static IEnumerable<ResultRow> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0, lineNumber = 0;
        var cache = new Strings();
        var atEnd = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !atEnd)
            {
                // Keep the partial line, make room for it (a line longer than the buffer doubles it) and read on.
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (end, start) = (end - start, 0);
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        throw new InvalidDataException($"{path}:{lineNumber + 1}:1: not a valid result row (the line is longer than {MaxLineBytes / (1024 * 1024)} MB)");
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                atEnd = read == 0;
                end += read;
                continue;
            }

            var length = newline < 0 ? end - start : newline;
            if (length == 0 && newline < 0)
            {
                yield break;
            }

            lineNumber++;
            var line = buffer.AsSpan(start, length);
            start += newline < 0 ? length : length + 1;
            if (lineNumber == 1 && line.StartsWith(Utf8Bom))
            {
                line = line[Utf8Bom.Length..];
            }

            line = line.TrimEnd((byte)'\r');
            if (line.Length == 0)
            {
                continue;
            }

            var row = Parse(line, path, lineNumber, cache);
            yield return row;
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ResultRow Parse(ReadOnlySpan<byte> line, string path, int lineNumber, Strings cache)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidOperationException("a row is a JSON object");
            }

            string? type = null, id = null, compliance = null, account = null, region = null, subscription = null, annotation = null;
            DateTimeOffset? evaluatedAt = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader;
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                if (name.ValueTextEquals("resource_type"u8))
                {
                    type = cache.Get(ref reader);
                }
                else if (name.ValueTextEquals("resource_id"u8))
                {
                    id = Text(ref reader);
                }
                else if (name.ValueTextEquals("compliance"u8))
                {
                    compliance = cache.Get(ref reader);
                }
                else if (name.ValueTextEquals("account"u8))
                {
                    account = cache.Get(ref reader);
                }
                else if (name.ValueTextEquals("region"u8))
                {
                    region = cache.Get(ref reader);
                }
                else if (name.ValueTextEquals("subscription"u8))
                {
                    subscription = cache.Get(ref reader);
                }
                else if (name.ValueTextEquals("annotation"u8))
                {
                    annotation = Text(ref reader);
                }
                else if (name.ValueTextEquals("evaluated_at"u8))
                {
                    evaluatedAt = Text(ref reader) is { } t && Timestamps.TryParseUtc(t, out var instant) ? instant : null;
                }
            }

            // The rest of the line: nothing but whitespace may follow the object.
            while (reader.Read())
            {
            }

            return new ResultRow(
                type ?? throw Missing("resource_type"),
                id ?? throw Missing("resource_id"),
                compliance ?? throw Missing("compliance"),
                account,
                region,
                subscription,
                annotation,
                evaluatedAt);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}:{lineNumber}:1: not a valid result row ({e.Message})", e);
        }
    }

    private static KeyNotFoundException Missing(string name) => new($"it has no string '{name}'");

    // A string value, or null for any other kind (an optional field written as null or a number is absent).
    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    /// <summary>
    /// The few values that repeat on every row of a file (resource type, account, region, compliance) are made into
    /// strings once per file, not once per row. Past <see cref="Limit"/> distinct values no more are added, and those
    /// known are still shared.
    /// </summary>
    private sealed class Strings
    {
        private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private const int Limit = 1024;
        private readonly char[] chars = new char[128];

        public Strings() => lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();

        public string? Get(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length > chars.Length)
            {
                return reader.GetString();
            }

            var written = reader.CopyString(chars);
            var text = chars.AsSpan(0, written);
            if (!lookup.TryGetValue(text, out var value))
            {
                value = new string(text);
                if (known.Count < Limit)
                {
                    known.Add(value, value);
                }
            }

            return value;
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
