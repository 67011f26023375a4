using System.Text.Json;
using Evidence.Core.Yaml;

namespace Evidence.Web.Portal;

/// <summary>
/// An append-only file of JSON lines under <c>.evidence/</c> (the audit log, the invite ledger): each line one flat
/// object of strings, appended whole under a lock. Read back, a line that is not such an object (cut short by a
/// crash) is passed over and the others still count; instants must be written as Evidence writes them
/// (<see cref="Timestamps.Format"/>), so a line with any other time is passed over too, never guessed at.
/// </summary>
internal sealed class JsonLinesFile(DataFolder folder, string fileName)
{
    private static readonly Lock Gate = new();

    public string FileName { get; } = fileName;

    /// <summary>Appends one line; null values are written as null.</summary>
    public void Append(IReadOnlyDictionary<string, string?> fields)
    {
        var line = JsonSerializer.Serialize(fields);
        lock (Gate)
        {
            folder.Ensure();
            File.AppendAllText(folder.Combine(FileName), line + "\n");
        }
    }

    /// <summary>Every line <paramref name="parse"/> makes something of, oldest first.</summary>
    public IReadOnlyList<T> Read<T>(Func<IReadOnlyDictionary<string, string?>, T?> parse)
        where T : class
    {
        var path = folder.Combine(FileName);
        var read = new List<T>();
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                return read;
            }

            foreach (var line in File.ReadLines(path))
            {
                if (Fields(line) is { } fields && parse(fields) is { } value)
                {
                    read.Add(value);
                }
            }
        }

        return read;
    }

    /// <summary>An instant as Evidence writes them (<c>2026-11-21T09:00:00Z</c>), or null for anything else.</summary>
    public static DateTimeOffset? Instant(IReadOnlyDictionary<string, string?> fields, string name) =>
        fields.GetValueOrDefault(name) is { } text && Timestamps.TryParseUtc(text, out var instant) ? instant : null;

    private static Dictionary<string, string?>? Fields(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
